namespace ZohoCrm.Simulator;

/// <summary>Where a record is, whatever any API answer said.</summary>
public enum RecordTruthState
{
    /// <summary>Live: listed, searchable, deletable.</summary>
    Live,

    /// <summary>In the recycle bin (deleted, restorable, listed by <c>/deleted</c> and <c>/settings/recycle_bin</c>).</summary>
    RecycleBin,

    /// <summary>Gone for good: purged from the recycle bin, or past its 60 days there.</summary>
    Purged,
}
