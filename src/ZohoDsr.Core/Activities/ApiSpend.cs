namespace ZohoDsr.Core.Activities;

/// <summary>What an activity spent at Zoho: API calls and credits.</summary>
public sealed record ApiSpend(long Calls, long Credits)
{
    public static ApiSpend None { get; } = new(0, 0);

    public static ApiSpend operator +(ApiSpend left, ApiSpend right) => new(left.Calls + right.Calls, left.Credits + right.Credits);
}
