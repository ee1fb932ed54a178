namespace ZohoDsr.Core.Http;

/// <summary>The query of <c>GET /api/dsr</c> as sent (strings; <see cref="DsrHttpApi.ListAsync"/> checks each and names a bad one).</summary>
public sealed record DsrListQuery(string? OrgId, string? Status, string? DueBefore, string? PageSize, string? ContinuationToken);
