using System.Text.Json.Serialization;

namespace ZohoDsr.Core.Deadlines;

/// <summary>When a request is due, as <see cref="DeadlineCalculator"/> counted it. Holds times only, no personal data.</summary>
public sealed record DsrDeadline
{
    /// <summary>The regime the due date was counted under.</summary>
    public required DeadlineRegimeKind Regime { get; init; }

    /// <summary>When the person made the request, in their offset; the day of receipt is a calendar day in that offset.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The end of the last day to answer (23:59:59.9999999 in the offset of <see cref="ReceivedAt"/>), extension included.</summary>
    public required DateTimeOffset DueBy { get; init; }

    /// <summary>The due date before any extension: the latest moment to tell the person of an extension.</summary>
    public required DateTimeOffset OriginalDueBy { get; init; }

    /// <summary>The one extension taken; null while none.</summary>
    public DeadlinePeriod? Extension { get; init; }

    /// <summary>When the extension was decided.</summary>
    public DateTimeOffset? ExtendedAt { get; init; }

    [JsonIgnore]
    public bool IsExtended => Extension is not null;
}
