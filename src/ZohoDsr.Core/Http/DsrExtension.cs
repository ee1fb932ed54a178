using ZohoDsr.Core.Deadlines;

namespace ZohoDsr.Core.Http;

/// <summary>The one extension of a request's due date, recorded once (first wins) next to its audit log.</summary>
public sealed record DsrExtension
{
    /// <summary>The record's name in the export store.</summary>
    internal const string RecordName = "extension.json";

    /// <summary>How much longer the request may take (days or months, as the regime counts).</summary>
    public required DeadlinePeriod By { get; init; }

    /// <summary>Why: what the person is told (GDPR Art. 12(3), CCPA 1798.130(a)(2)).</summary>
    public required string Reason { get; init; }

    public required DateTimeOffset ExtendedAt { get; init; }

    /// <summary>The due date with the extension.</summary>
    public required DateTimeOffset DueBy { get; init; }
}
