namespace ZohoDsr.Core.Activities;

/// <summary>Every Zoho-calling activity's result: what it spent, and whether it was throttled (then its other data is empty).</summary>
public interface IZohoActivityResult
{
    ApiSpend Spend { get; }

    ActivityThrottle? Throttled { get; }
}
