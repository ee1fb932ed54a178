using System.Net.Http.Json;
using ZohoCrm.Simulator;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Exports;
using ZohoDsr.TestSupport;

namespace ZohoDsr.EndToEnd.Tests.Requests;

/// <summary>
/// A delete whose step fails for good, on the real engine against the simulator: what the request reports must match the
/// simulator's truth record by record, and its error must say what a person should do.
/// </summary>
public sealed class FailedStepTests(SimulatorFixture simulator, AzuriteFixture azurite)
    : IClassFixture<SimulatorFixture>, IClassFixture<AzuriteFixture>
{
    private static readonly SeedSpec Seed = new() { Contacts = 120, Leads = 60, Cases = 40, RelatedPerContact = 2 };

    [Fact]
    public async Task Delete_RefreshTokenRevokedMidDelete_RemainingRecordsFailedWithInvalidCode()
    {
        await using var scenario = await EngineScenario.StartAsync(simulator, azurite, Seed);
        var subject = scenario.Seed.Subject("multi-module");

        // Through the simulator's admin route: the second delete call revokes every refresh token of the org (the user
        // revoking the app); the token endpoint then answers invalid_code.
        using (var admin = new HttpClient { BaseAddress = simulator.Host.BaseUri })
        {
            using HttpResponseMessage set = await admin.PostAsJsonAsync(
                $"/__sim/orgs/{scenario.Org.OrgId}/faults",
                new { rules = new[] { new { kind = nameof(FaultKind.RevokeRefreshTokens), method = "DELETE", skipFirst = 1, maxTimes = 1 } } });
            set.EnsureSuccessStatusCode();
        }

        var result = await scenario.RunAsync(scenario.Input(subject, DsrRequestType.Delete));

        Assert.Equal(DsrStatus.Failed, result.Status);
        Assert.Contains($"refresh token revoked: re-authorise org {scenario.Org.OrgId}", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Records, r => r.Outcome == RecordOutcomeKind.Found);
        var failed = result.Records.Where(r => r.Outcome == RecordOutcomeKind.Failed).ToList();
        var deleted = result.Records.Where(r => r.Outcome == RecordOutcomeKind.Deleted).ToList();
        Assert.NotEmpty(failed);
        Assert.NotEmpty(deleted);
        Assert.All(failed, r => Assert.Equal(ActivityFaultCodes.InvalidCode, r.ZohoCode));
        Assert.Equal(failed.Count, result.Modules.Sum(m => m.Failed));

        // The simulator's truth: what the request says failed is still there, what it says deleted is gone.
        Assert.All(failed, r => Assert.True(scenario.Org.Exists(r.Module, r.RecordId), $"{r.Module}/{r.RecordId} reported failed but is gone"));
        Assert.All(deleted, r => Assert.False(scenario.Org.Exists(r.Module, r.RecordId), $"{r.Module}/{r.RecordId} reported deleted but exists"));
        Assert.Equal(deleted.Count, scenario.Org.Counters.RecordsDeleted);

        // The audit names every failed record with the cause, written by the orchestration (no activity answered for them).
        var trail = await AuditTrail.ReadAsync(scenario.Host.Get<IExportStore>(), scenario.Org.OrgId, result.RequestId, CancellationToken.None);
        var audited = trail.Entries
            .Where(e => e.Action is AuditActions.Failure or AuditActions.Delete && e.Outcome == AuditOutcomes.Failed && e.ZohoCode == ActivityFaultCodes.InvalidCode)
            .SelectMany(e => (e.RecordIds ?? []).Select(id => $"{e.Module}/{id}"))
            .ToHashSet(StringComparer.Ordinal);
        Assert.All(failed, r => Assert.Contains($"{r.Module}/{r.RecordId}", audited));
    }
}
