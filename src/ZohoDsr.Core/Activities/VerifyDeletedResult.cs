namespace ZohoDsr.Core.Activities;

/// <summary>The records still present after deletion (reported as failures).</summary>
public sealed record VerifyDeletedResult(string Module, IReadOnlyList<string> StillPresentIds) : IZohoActivityResult
{
    public ApiSpend Spend { get; init; } = ApiSpend.None;
    public ActivityThrottle? Throttled { get; init; }
}
