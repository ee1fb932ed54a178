namespace ZohoDsr.TestSupport;

/// <summary>Task hub names no other test uses (Durable's rule: letters and digits, a letter first, at most 45).</summary>
public static class TestTaskHub
{
    public static string NewName() => "Test" + Guid.NewGuid().ToString("N");
}
