using System.Text.Json;

namespace ZohoCrm.Simulator.Apis;

/// <summary>The simulator's own admin surface under <c>/__sim/</c>: orgs, counters, faults.</summary>
internal static class AdminApi
{
    public static void MapAdminApi(this IEndpointRouteBuilder app, SimRegistry registry)
    {
        var admin = app.MapGroup("/__sim");
        admin.MapGet("/orgs", () => TypedResults.Ok(registry.Orgs.Select(o => new
        {
            orgId = o.OrgId,
            dataCenter = o.DataCenter,
            edition = o.Edition.ToString(),
            clientId = o.ClientId,
            accountsUrl = registry.AccountsUrl(o.DataCenter).ToString(),
            apiDomain = registry.ApiDomain(o.DataCenter).ToString(),
            plantedSubjects = o.PlantedSubjects.Select(s => new
            {
                name = s.Name,
                email = s.Email,
                expectedRecordIds = s.ExpectedRecordIds,
                lookAlikeEmails = s.LookAlikeEmails,
            }),
        })));
        admin.MapGet("/orgs/{orgId}/counters", (string orgId) =>
            registry.Find(orgId) is { } org ? Results.Ok(Snapshot(org.Counters)) : Results.NotFound());
        admin.MapPost("/orgs/{orgId}/counters/reset", (string orgId) =>
        {
            if (registry.Find(orgId) is not { } org)
            {
                return Results.NotFound();
            }

            org.Counters.Reset();
            return Results.Ok(Snapshot(org.Counters));
        });
        admin.MapPost("/orgs/{orgId}/faults", async (string orgId, HttpRequest request) =>
        {
            if (registry.Find(orgId) is not { } org)
            {
                return Results.NotFound();
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

            var f = org.Faults;
            if (body.Clear == true)
            {
                f.Clear();
            }

            f.LatencyMin = body.LatencyMin ?? (body.LatencyMinMs is double minMs ? TimeSpan.FromMilliseconds(minMs) : f.LatencyMin);
            f.LatencyMax = body.LatencyMax ?? (body.LatencyMaxMs is double maxMs ? TimeSpan.FromMilliseconds(maxMs) : f.LatencyMax);
            f.Rate429 = body.Rate429 ?? f.Rate429;
            f.Rate500 = body.Rate500 ?? f.Rate500;
            f.Rate503 = body.Rate503 ?? f.Rate503;
            f.RateTimeout = body.RateTimeout ?? f.RateTimeout;
            f.RateDropConnection = body.RateDropConnection ?? f.RateDropConnection;
            return Results.Ok(new
            {
                latencyMin = f.LatencyMin,
                latencyMax = f.LatencyMax,
                rate429 = f.Rate429,
                rate500 = f.Rate500,
                rate503 = f.Rate503,
                rateTimeout = f.RateTimeout,
                rateDropConnection = f.RateDropConnection,
            });
        });
    }

    private static object Snapshot(SimCounters c) => new
    {
        totalCalls = c.TotalCalls,
        callsByEndpoint = c.CallsByEndpoint,
        creditsUsed = c.CreditsUsed,
        currentConcurrency = c.CurrentConcurrency,
        peakConcurrency = c.PeakConcurrency,
        throttledCalls = c.ThrottledCalls,
        recordsDeleted = c.RecordsDeleted,
        tokenRequests = c.TokenRequests,
        tokenRefreshes = c.TokenRefreshes,
        faultsInjected = c.FaultsInjected,
    };
}
