using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Core.Tests.Replay;
using static ZohoDsr.Core.Tests.Orchestration.OrchestrationScenario;

namespace ZohoDsr.Core.Tests.Orchestration;

/// <summary>The resolve phase (<see cref="ResolvePhase"/>): the org profile, its settings and its gaps.</summary>
public sealed class ResolvePhaseTests
{
    [Fact]
    public async Task RunAsync_PrivacySettingsOff_CarriesOnAndRecordsIt()
    {
        var org = Org();
        org.Profile = org.Profile with { PrivacySettings = false };

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Access));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.False(result.PrivacySettings);

        // ResolveOrg, which learns it, records it (ResolveOrgHandlerTests); the orchestration does not say it again.
        Assert.DoesNotContain(OrchestrationAudit(org), e => e.Action == AuditActions.Resolve);
    }

    [Fact]
    public async Task RunAsync_ResolveOrgThrottled_BacksOffWithTheConfiguredSettings()
    {
        var org = Org();
        org.Throttle = (name, _, attempt) => name == ActivityNames.ResolveOrg && attempt == 1 ? new ActivityThrottle(TimeSpan.Zero, "TOO_MANY_REQUESTS") : null;

        var (_, context) = await RunAsync(org, Input(DsrRequestType.Access), c => c.Guids.Enqueue(ThrottleBackoffTests.Jitter(0x80)));

        Assert.Equal([Start.AddSeconds(2)], context.Timers); // 0.5 × the profile's 4 s, not the default 5 s
    }
}
