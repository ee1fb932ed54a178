using ZohoCrm.Client;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Measures what an activity spent at Zoho as the difference of the org client's <see cref="ZohoCrmClient.Usage"/>
/// before and after. Exact with the per-activity clients of <see cref="ActivityZohoClients"/>; with a shared client of
/// the org, calls of other activities running at the same moment are counted too (the spend errs on the high side).
/// </summary>
internal readonly struct ZohoSpendMeter
{
    private readonly ZohoCrmClient _client;
    private readonly long _calls;
    private readonly long _credits;
    private readonly long _throttled;

    private ZohoSpendMeter(ZohoCrmClient client)
    {
        _client = client;
        ZohoUsage usage = client.Usage;
        _calls = usage.Calls;
        _credits = usage.CreditsUsed;
        _throttled = usage.Throttled;
    }

    public static ZohoSpendMeter Start(ZohoCrmClient client) => new(client);

    public ApiSpend Spent()
    {
        ZohoUsage usage = _client.Usage;
        return new ApiSpend(Math.Max(0, usage.Calls - _calls), Math.Max(0, usage.CreditsUsed - _credits));
    }

    /// <summary>Calls Zoho answered with a throttle since the start (429 or <c>TOO_MANY_REQUESTS</c>).</summary>
    public long Throttled() => Math.Max(0, _client.Usage.Throttled - _throttled);
}
