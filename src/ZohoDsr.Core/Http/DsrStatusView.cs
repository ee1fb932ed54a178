using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Http;

/// <summary>
/// <c>GET /api/dsr/{requestId}?orgId=</c>: status, progress, outcomes, export link. No personal data beyond what the
/// caller sent (no email: the caller knows it; record ids and counts only).
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
}
