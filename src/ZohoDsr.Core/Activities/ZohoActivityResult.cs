namespace ZohoDsr.Core.Activities;

/// <summary>
/// Every Zoho-calling activity's result: what it spent, and whether Zoho throttled it (then the rest says only what was
/// done before). Set by <see cref="ZohoActivityRunner"/>'s runs, the one place that meters and catches throttles.
/// </summary>
public abstract record ZohoActivityResult
{
    public ApiSpend Spend { get; init; } = ApiSpend.None;

    public ActivityThrottle? Throttled { get; init; }
}
