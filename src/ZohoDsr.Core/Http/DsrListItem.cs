using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Http;

/// <summary>One request in <c>GET /api/dsr?orgId=</c>: ids, type, status, due date, counts. Never the subject's email.</summary>
public sealed record DsrListItem
{
    public required string RequestId { get; init; }
    public required string OrgId { get; init; }
    public DsrRequestType? Type { get; init; }
    public required DsrStatus Status { get; init; }

    /// <summary>The due date, the extension included; null for a request from before due dates were kept.</summary>
    public DateTimeOffset? DueBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required DsrCounts Counts { get; init; }
}
