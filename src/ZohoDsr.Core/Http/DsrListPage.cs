namespace ZohoDsr.Core.Http;

/// <summary>A page of <c>GET /api/dsr?orgId=</c>; pass <see cref="ContinuationToken"/> back for the next (absent on the last page).</summary>
public sealed record DsrListPage
{
    public required IReadOnlyList<DsrListItem> Items { get; init; }

    public string? ContinuationToken { get; init; }
}
