using ZohoCrm.Simulator.Auth;

namespace ZohoCrm.Simulator.Apis;

/// <summary>An authenticated CRM API call: its org, token, version and request.</summary>
internal sealed class CrmContext(HttpContext http, SimRegistry registry, SimOrg org, AccessGrant grant, int version, SimCall call)
{
    public HttpContext Http { get; } = http;

    public SimRegistry Registry { get; } = registry;

    public SimOrg Org { get; } = org;

    public AccessGrant Grant { get; } = grant;

    public ScopeSet Scopes => Grant.Scopes;

    public int Version { get; } = version;

    /// <summary>The call as the org's ground truth records it.</summary>
    public SimCall Call { get; } = call;

    public SimulatorOptions Options => Registry.Options;

    public IQueryCollection Query => Http.Request.Query;

    public string Route(string name) => Http.Request.RouteValues[name] as string ?? string.Empty;

    public string? Param(string name)
    {
        var values = Http.Request.Query[name];
        return values.Count == 0 ? null : values[0];
    }

    /// <summary>Charges the call's credits; false when the rolling 24 h budget is spent (the 429 is written).</summary>
    public async ValueTask<bool> ChargeAsync(long credits)
    {
        if (!Org.Credits.TryCharge(Org.Now, credits, out var remaining))
        {
            Org.Counters.CountThrottled();
            await ZohoResponses.TooManyRequestsAsync(Http);
            return false;
        }

        Org.Counters.AddCredits(credits);
        if (remaining <= Org.Credits.Budget / 2)
        {
            Http.Response.Headers["X-API-CREDITS-REMAINING"] = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return true;
    }
}
