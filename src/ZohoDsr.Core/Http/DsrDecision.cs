namespace ZohoDsr.Core.Http;

/// <summary>
/// The operator's decision on a request, recorded once (first wins) next to its audit log before it is carried out:
/// <c>approve</c>, <c>reject</c> or <c>cancel</c>, when, and the reason given, if any.
/// </summary>
public sealed record DsrDecision
{
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Cancel = "cancel";

    /// <summary>The record's name in the export store.</summary>
    internal const string RecordName = "decision.json";

    /// <summary><c>approve</c>, <c>reject</c> or <c>cancel</c>.</summary>
    public required string Action { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }

    public string? Reason { get; init; }
}
