namespace ZohoCrm.Simulator.Apis;

/// <summary>The simulator's own admin surface under <c>/__sim/</c>: orgs, counters, faults, tokens, records and their ground truth.</summary>
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
                expectedDealIds = s.ExpectedDealIds,
                expectedLeadActivityIds = s.ExpectedLeadActivityIds,
                expectedNotes = s.ExpectedNotes,
                expectedAttachments = s.ExpectedAttachments,
                mentions = s.Mentions,
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
        admin.MapAdminFaultsApi(registry);
        admin.MapAdminRecordsApi(registry);
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
