namespace ZohoDsr.Benchmarks.Harness;

/// <summary>What the seed's scan read of one module: pages (calls), records, and whether Zoho stopped it early.</summary>
/// <param name="StoppedBy">Zoho's error code when the module could not be read to its end (<c>PAGINATION_LIMIT_EXCEEDED</c>).</param>
public sealed record ModuleScan(string Module, int Pages, long Records, string? StoppedBy);
