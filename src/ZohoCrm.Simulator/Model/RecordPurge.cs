namespace ZohoCrm.Simulator.Model;

/// <summary>When and by which call a record was deleted from the recycle bin for good.</summary>
internal sealed class RecordPurge(long unix, SimCall? call)
{
    public long Unix { get; } = unix;

    public SimCall? Call { get; } = call;
}
