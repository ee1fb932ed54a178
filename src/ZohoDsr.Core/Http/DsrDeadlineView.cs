using ZohoDsr.Core.Deadlines;

namespace ZohoDsr.Core.Http;

/// <summary>A request's due date as the status and the extend route show it.</summary>
public sealed record DsrDeadlineView
{
    public required DeadlineRegimeKind Regime { get; init; }

    /// <summary>When the person made the request (the webhook's <c>receivedAt</c>, or when the webhook arrived).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The end of the last day to answer, the extension included.</summary>
    public required DateTimeOffset DueBy { get; init; }

    /// <summary>The due date before any extension: the latest moment an extension can be decided.</summary>
    public required DateTimeOffset OriginalDueBy { get; init; }

    /// <summary>Whether an extension was recorded.</summary>
    public required bool Extended { get; init; }

    public DsrExtension? Extension { get; init; }

    internal static DsrDeadlineView Of(DsrDeadline deadline, DsrExtension? extension) => new()
    {
        Regime = deadline.Regime,
        ReceivedAt = deadline.ReceivedAt,
        DueBy = extension?.DueBy ?? deadline.DueBy,
        OriginalDueBy = deadline.OriginalDueBy,
        Extended = extension is not null,
        Extension = extension,
    };
}
