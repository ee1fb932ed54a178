namespace ZohoDsr.Core.Activities;

/// <summary>
/// Every Zoho-calling activity's result: what it spent, and whether Zoho throttled it (then the rest says only what was
/// done before), or stopped it for good with a fault no retry cures (<see cref="Fault"/>: then too the rest says only what
/// was done before). Set by <see cref="ZohoActivityRunner"/>'s runs, the one place that meters and catches throttles.
/// </summary>
public abstract record ZohoActivityResult
{
    public ApiSpend Spend { get; init; } = ApiSpend.None;

    public ActivityThrottle? Throttled { get; init; }

    /// <summary>A fault no retry cures (a revoked refresh token, a missing scope); the step fails with it.</summary>
    public ActivityFault? Fault { get; init; }
}
