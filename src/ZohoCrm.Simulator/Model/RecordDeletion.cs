namespace ZohoCrm.Simulator.Model;

/// <summary>Who moved a record to the recycle bin, when, by which call, and whether it went with its parent.</summary>
internal sealed class RecordDeletion(long unix, LookupRef user, SimCall? call, bool withParent)
{
    public long Unix { get; } = unix;

    public LookupRef User { get; } = user;

    /// <summary>The API call (null: deleted in process).</summary>
    public SimCall? Call { get; } = call;

    /// <summary>Deleted because its parent was (<see cref="SimulatorOptions.DeleteCascadesToNotesAndAttachments"/>).</summary>
    public bool WithParent { get; } = withParent;
}
