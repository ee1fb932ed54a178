using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Http;

/// <summary>
/// <c>GET /api/dsr/{requestId}?orgId=</c>: status, progress, outcomes, export link, due date, decision. No personal data
/// beyond what the caller sent (no email: the caller knows it; record ids and counts only). <see cref="Status"/> is
/// terminal (completed, failed, canceled) only once the engine says the instance has finished, and completed only with
/// its <see cref="Result"/>.
/// </summary>
public sealed record DsrStatusView
{
    public required string RequestId { get; init; }
    public required string OrgId { get; init; }
    public required string InstanceId { get; init; }
    public DsrRequestType? Type { get; init; }
    public required DsrStatus Status { get; init; }
    public DsrProgress? Progress { get; init; }
    public DsrResult? Result { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastUpdatedAt { get; init; }
    public string? Error { get; init; }

    /// <summary>The due date (regime, receipt, due by, the extension if one was recorded); null for a request from before due dates were kept.</summary>
    public DsrDeadlineView? Deadline { get; init; }

    /// <summary>The operator's decision (approve, reject, cancel), once one was recorded.</summary>
    public DsrDecision? Decision { get; init; }
}
