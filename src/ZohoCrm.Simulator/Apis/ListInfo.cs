namespace ZohoCrm.Simulator.Apis;

/// <summary>The <c>info</c> object of a list answer.</summary>
internal sealed record ListInfo(int PerPage, int Count, int Page, bool MoreRecords, string? NextPageToken, string? SortBy, string? SortOrder, long? TokenExpiryUnix);
