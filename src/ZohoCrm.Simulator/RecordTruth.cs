using System.Globalization;
using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator;

/// <summary>
/// The simulator's ground truth about one record (notes and attachments included): live, in the recycle bin (deleted by
/// whom, when, by which call, and whether that call's answer was lost) or purged.
/// </summary>
public sealed record RecordTruth
{
    public required string Module { get; init; }

    public required string Id { get; init; }

    public required RecordTruthState State { get; init; }

    /// <summary>When the record went to the recycle bin (null while live).</summary>
    public DateTimeOffset? DeletedTime { get; init; }

    public SimUser? DeletedBy { get; init; }

    /// <summary>The call that deleted it (null while live, or when deleted in process).</summary>
    public SimCallInfo? DeletedByCall { get; init; }

    /// <summary>Deleted with its parent (<see cref="SimulatorOptions.DeleteCascadesToNotesAndAttachments"/>).</summary>
    public bool DeletedWithParent { get; init; }

    /// <summary>When the recycle bin lets it go for good (deleted time + 60 days).</summary>
    public DateTimeOffset? RecycleBinUntil { get; init; }

    /// <summary>When it was purged by a call (null: not purged, or gone by the 60-day retention).</summary>
    public DateTimeOffset? PurgedTime { get; init; }

    public SimCallInfo? PurgedByCall { get; init; }

    /// <summary>Gone because it stayed 60 days in the recycle bin.</summary>
    public bool PurgedByRetention { get; init; }

    internal static RecordTruth Of(SimRecord record, SimOrg org)
    {
        var offset = org.Offset;
        var deletion = record.Deletion;
        var expired = org.IsExpiredFromBin(record);
        var state = record.State switch
        {
            RecordState.Live => RecordTruthState.Live,
            RecordState.Recycled when !expired => RecordTruthState.RecycleBin,
            _ => RecordTruthState.Purged,
        };
        return new RecordTruth
        {
            Module = record.Schema.ApiName,
            Id = record.Id.ToString(CultureInfo.InvariantCulture),
            State = state,
            DeletedTime = record.State == RecordState.Live ? null : Time(record.DeletedUnix, offset),
            DeletedBy = deletion is null ? null : new SimUser(deletion.User.Id.ToString(CultureInfo.InvariantCulture), deletion.User.Name),
            DeletedByCall = deletion?.Call?.ToInfo(offset),
            DeletedWithParent = deletion?.WithParent ?? false,
            RecycleBinUntil = record.State == RecordState.Live ? null : Time(record.DeletedUnix, offset) + SimOrg.RecycleBinRetention,
            PurgedTime = record.Purge is { } purge ? Time(purge.Unix, offset) : null,
            PurgedByCall = record.Purge?.Call?.ToInfo(offset),
            PurgedByRetention = expired,
        };
    }

    private static DateTimeOffset Time(long unix, TimeSpan offset) => DateTimeOffset.FromUnixTimeSeconds(unix).ToOffset(offset);
}
