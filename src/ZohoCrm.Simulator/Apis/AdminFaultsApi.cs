using System.Globalization;
using System.Text.Json;

namespace ZohoCrm.Simulator.Apis;

/// <summary>
/// <c>/__sim/orgs/{orgId}/faults</c> (rates, latency, rules aimed by method and path) and
/// <c>/__sim/orgs/{orgId}/tokens/...</c> (revoke every refresh token, re-issue one).
/// </summary>
internal static class AdminFaultsApi
{
    public static void MapAdminFaultsApi(this RouteGroupBuilder admin, SimRegistry registry)
    {
        admin.MapGet("/orgs/{orgId}/faults", (string orgId) =>
            registry.Find(orgId) is { } org ? Results.Ok(Snapshot(org.Faults)) : AdminRecordsApi.OrgNotFound(orgId));
        admin.MapPost("/orgs/{orgId}/faults", async (string orgId, HttpRequest request) =>
        {
            if (registry.Find(orgId) is not { } org)
            {
                return AdminRecordsApi.OrgNotFound(orgId);
            }

            FaultsBody? body;
            try
            {
                body = await request.ReadFromJsonAsync<FaultsBody>(JsonSerializerOptions.Web, request.HttpContext.RequestAborted);
            }
            catch (JsonException ex)
            {
                return Results.BadRequest(new { error = "invalid faults body", detail = ex.Path });
            }

            if (body is null)
            {
                return Results.BadRequest(new { error = "a JSON body with SimFaults fields is required" });
            }

            var rates = new[] { body.Rate429, body.Rate500, body.Rate503, body.RateTimeout, body.RateDropConnection };
            if (rates.Any(r => r is < 0 or > 1))
            {
                return Results.BadRequest(new { error = "rates must be between 0 and 1" });
            }

            var rules = new List<SimFaultRule>();
            for (var i = 0; i < (body.Rules?.Count ?? 0); i++)
            {
                var (rule, problem) = ToRule(body.Rules![i], i);
                if (problem is not null)
                {
                    return Results.BadRequest(new { error = problem });
                }

                rules.Add(rule!);
            }

            var f = org.Faults;
            if (body.Clear == true)
            {
                f.Clear();
            }

            if (body.ClearRules == true)
            {
                f.ClearRules();
            }

            f.LatencyMin = body.LatencyMin ?? (body.LatencyMinMs is double minMs ? TimeSpan.FromMilliseconds(minMs) : f.LatencyMin);
            f.LatencyMax = body.LatencyMax ?? (body.LatencyMaxMs is double maxMs ? TimeSpan.FromMilliseconds(maxMs) : f.LatencyMax);
            f.Rate429 = body.Rate429 ?? f.Rate429;
            f.Rate500 = body.Rate500 ?? f.Rate500;
            f.Rate503 = body.Rate503 ?? f.Rate503;
            f.RateTimeout = body.RateTimeout ?? f.RateTimeout;
            f.RateDropConnection = body.RateDropConnection ?? f.RateDropConnection;
            foreach (var rule in rules)
            {
                f.AddRule(rule);
            }

            return Results.Ok(Snapshot(f));
        });
        admin.MapPost("/orgs/{orgId}/tokens/revoke", (string orgId) =>
            registry.Find(orgId) is { } org ? Results.Ok(new { revoked = org.RevokeRefreshTokens() }) : AdminRecordsApi.OrgNotFound(orgId));
        admin.MapPost("/orgs/{orgId}/tokens/reissue", (string orgId) =>
            registry.Find(orgId) is { } org ? Results.Ok(new { refreshToken = org.ReissueRefreshToken() }) : AdminRecordsApi.OrgNotFound(orgId));
    }

    /// <summary>A rule from its body, or the problem naming the field (<c>rules[0].kind</c>).</summary>
    private static (SimFaultRule? Rule, string? Problem) ToRule(FaultRuleBody body, int index)
    {
        var at = "rules[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        var kinds = string.Join(", ", Enum.GetNames<FaultKind>().Where(n => n != nameof(FaultKind.None)));
        if (string.IsNullOrWhiteSpace(body.Kind) || char.IsDigit(body.Kind[0])
            || !Enum.TryParse<FaultKind>(body.Kind, ignoreCase: true, out var kind) || kind == FaultKind.None)
        {
            return (null, $"{at}.kind must be one of {kinds}");
        }

        var rule = new SimFaultRule
        {
            Kind = kind,
            Method = body.Method,
            PathPattern = body.PathPattern,
            Probability = body.Probability ?? 1,
            SkipFirst = body.SkipFirst ?? 0,
            MaxTimes = body.MaxTimes,
            Seed = body.Seed,
        };
        if (rule.Validate() is { } problem)
        {
            // "Probability must be ..." -> "rules[0].probability must be ..."
            var space = problem.IndexOf(' ', StringComparison.Ordinal);
            return (null, $"{at}.{char.ToLowerInvariant(problem[0])}{problem[1..space]}{problem[space..]}");
        }

        return (rule, null);
    }

    private static object Snapshot(SimFaults f) => new
    {
        latencyMin = f.LatencyMin,
        latencyMax = f.LatencyMax,
        rate429 = f.Rate429,
        rate500 = f.Rate500,
        rate503 = f.Rate503,
        rateTimeout = f.RateTimeout,
        rateDropConnection = f.RateDropConnection,
        rules = f.Rules.Select(r => new
        {
            kind = r.Kind.ToString(),
            method = r.Method,
            pathPattern = r.PathPattern,
            probability = r.Probability,
            skipFirst = r.SkipFirst,
            maxTimes = r.MaxTimes,
            seed = r.Seed,
            matched = r.Matched,
            fired = r.Fired,
        }),
    };
}
