using Xunit;

namespace ZohoDsr.TestSupport;

/// <summary>The assertion of a project's LogScanTests: lines were captured, values were registered, and no line holds one.</summary>
public static class LogScan
{
    /// <summary>The name of the collection the scan runs in: not parallel, so xunit runs it after every parallel collection.</summary>
    public const string CollectionName = "LogScan";

    public static void AssertClean()
    {
        Assert.NotEmpty(TestLogCapture.Lines);
        Assert.True(TestLogCapture.ForbiddenCount > 0, "no secret or email was registered: the scan would prove nothing");
        IReadOnlyList<string> violations = TestLogCapture.Violations();
        Assert.True(violations.Count == 0, $"{violations.Count} captured log lines hold a secret, token or subject email:\n" + string.Join('\n', violations.Take(20)));
    }
}
