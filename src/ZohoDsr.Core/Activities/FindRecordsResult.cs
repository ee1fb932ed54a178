namespace ZohoDsr.Core.Activities;

/// <summary>The exact matches in one module: ids only.</summary>
/// <param name="Method"><c>search</c>, <c>coql</c>, <c>scan</c>, <c>related-list</c> or <c>lookup</c>.</param>
/// <param name="Candidates">Records Zoho returned before exact filtering (look-alikes included).</param>
public sealed record FindRecordsResult(string Module, IReadOnlyList<string> RecordIds, string Method, int Candidates) : IZohoActivityResult
{
    public ApiSpend Spend { get; init; } = ApiSpend.None;
    public ActivityThrottle? Throttled { get; init; }
}
