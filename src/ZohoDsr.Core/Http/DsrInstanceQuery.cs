namespace ZohoDsr.Core.Http;

/// <summary>
/// One page of a listing of DSR instances (ids starting with <see cref="DsrInstanceId.Prefix"/>), inputs and outputs
/// included: <paramref name="RuntimeStatuses"/> null or empty means any; <paramref name="ContinuationToken"/> is the
/// engine's own, from the previous page.
/// </summary>
public sealed record DsrInstanceQuery(IReadOnlyList<DsrRuntimeStatus>? RuntimeStatuses, int PageSize, string? ContinuationToken);
