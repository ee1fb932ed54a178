using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Core.Tests.Replay;
using static ZohoDsr.Core.Tests.Orchestration.OrchestrationScenario;

namespace ZohoDsr.Core.Tests.Orchestration;

/// <summary>How the run calls activities (<see cref="DsrCalls"/>): throttle backoff on durable timers, rate-gate waves, failed steps.</summary>
public sealed class DsrCallsTests
{
    [Fact]
    public async Task RunAsync_Throttled_WaitsDeterministicJitteredDelayThenRetriesSameCall()
    {
        var org = Org();
        org.Throttle = (name, input, attempt) => name == ActivityNames.FindInModule && ((FindInModuleInput)input).Module.Module == "Leads" && attempt <= 2
            ? new ActivityThrottle(TimeSpan.Zero, "TOO_MANY_REQUESTS")
            : null;

        var (result, context) = await RunAsync(org, Input(DsrRequestType.Access), c =>
        {
            c.Guids.Enqueue(ThrottleBackoffTests.Jitter(0x80)); // attempt 1: 0.5 × 4 s
            c.Guids.Enqueue(ThrottleBackoffTests.Jitter(0x40)); // attempt 2: 0.25 × 8 s
        });

        Assert.Equal([Start.AddSeconds(2), Start.AddSeconds(4)], context.Timers);
        Assert.Equal(3, org.InputsOf<FindInModuleInput>(ActivityNames.FindInModule).Count(i => i.Module.Module == "Leads"));
        var (clean, _) = await RunAsync(Org(), Input(DsrRequestType.Access));
        Assert.Equal(clean.Records, result.Records);
        Assert.Equal(clean.ApiCalls + 2, result.ApiCalls);
    }

    [Fact]
    public async Task RunAsync_ThrottledWithoutRetryAfter_OnlyTheOrchestrationsBackoffSchedulesTheWait()
    {
        var org = Org();
        org.Throttle = (name, input, attempt) => name == ActivityNames.FindInModule && ((FindInModuleInput)input).Module.Module == "Leads" && attempt == 1
            ? TooManyRequests
            : null;
        var jitter = ThrottleBackoffTests.Jitter(0xC0);

        var (result, context) = await RunAsync(org, Input(DsrRequestType.Access), c => c.Guids.Enqueue(jitter));

        // The activity reported the throttle and returned; the wait is the orchestration's own full-jitter backoff
        // (0.75 × the first 4 s ceiling), on a durable timer.
        Assert.Equal(DsrStatus.Completed, result.Status);
        var wait = ThrottleBackoff.Compute(1, jitter, retryAfter: null, Settings.ThrottleBaseDelay, Settings.ThrottleMaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(3), wait);
        Assert.Equal([Start + wait], context.Timers);

        // The retry is a new call (its audit lines are new facts); a Durable retry of one call is not (next test).
        var leads = org.InputsOf<FindInModuleInput>(ActivityNames.FindInModule).Where(i => i.Module.Module == "Leads").ToList();
        Assert.Equal(2, leads.Count);
        Assert.NotEqual(leads[0].CallId, leads[1].CallId);
    }

    [Fact]
    public async Task RunAsync_ActivityRetriedAfterAnException_EveryDeliveryCarriesTheSameCallId()
    {
        var org = Org();
        org.Fail = (name, _, attempt) => name == ActivityNames.ExportRecords && attempt == 1 ? new TimeoutException() : null;

        await RunAsync(org, Input(DsrRequestType.Access));

        var exports = org.InputsOf<ExportRecordsInput>(ActivityNames.ExportRecords).ToList();
        var retried = exports.GroupBy(e => (e.Module, e.Part)).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(retried);
        Assert.All(retried, g => Assert.Single(g.Select(e => e.CallId).Distinct()));
        Assert.Equal(exports.Count - retried.Sum(g => g.Count() - 1), exports.Select(e => e.CallId).Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_ThrottledWithRetryAfter_WaitsAtLeastRetryAfter()
    {
        var org = Org();
        org.Throttle = (name, _, attempt) => name == ActivityNames.ResolveOrg && attempt == 1 ? new ActivityThrottle(TimeSpan.FromSeconds(45), null) : null;

        var (result, context) = await RunAsync(org, Input(DsrRequestType.Access) with { Settings = Settings }, c => c.Guids.Enqueue(ThrottleBackoffTests.Jitter(0x80)));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.Equal([Start.AddSeconds(45)], context.Timers);
    }

    [Fact]
    public async Task RunAsync_ThrottledEveryAttempt_FailsWithClearErrorAfterMaxAttempts()
    {
        var org = Org();
        org.Throttle = (name, input, _) => name == ActivityNames.FindInModule && ((FindInModuleInput)input).Module.Module == "Leads"
            ? new ActivityThrottle(TimeSpan.Zero, "TOO_MANY_REQUESTS")
            : null;

        var (result, context) = await RunAsync(org, Input(DsrRequestType.Access, callback: new Uri("https://intake.example/cb")));

        Assert.Equal(DsrStatus.Failed, result.Status);
        Assert.Equal("FindInModule was throttled by Zoho (TOO_MANY_REQUESTS) 5 times for module Leads; giving up", result.Error);
        Assert.Equal(5, org.InputsOf<FindInModuleInput>(ActivityNames.FindInModule).Count(i => i.Module.Module == "Leads"));
        Assert.Equal(4, context.Timers.Count);
        Assert.Single(org.InputsOf<SendCallbackInput>(ActivityNames.SendCallback));
        Assert.Contains(org.Audits.SelectMany(a => a.Entries), e => e.Action == "failure");
        Assert.Equal(0, context.Gate.InUse(context.CurrentUtcDateTime));
    }

    [Fact]
    public async Task RunAsync_ActivityFailsEveryRetry_FailsNamingActivityAndModule()
    {
        var org = Org();
        org.Fail = (name, input, _) => name == ActivityNames.FindRelated && ((FindRelatedInput)input).Module.Module == "Calls"
            ? new HttpRequestException($"connection reset for {Subject}")
            : null;

        var (result, context) = await RunAsync(org, Input(DsrRequestType.Delete));

        Assert.Equal(DsrStatus.Failed, result.Status);
        // Nothing was deleted: the records found before the step failed are failed with its code, never left "found".
        Assert.Equal("4 of 4 records not deleted (ACTIVITY_FAILED: 4); FindRelated for module Calls failed (ACTIVITY_FAILED): the activity failed on every attempt: see the exception in the instance's history", result.Error);
        Assert.DoesNotContain(result.Records, r => r.Outcome == RecordOutcomeKind.Found);
        Assert.Equal(Settings.ActivityRetry.MaxNumberOfAttempts, org.InputsOf<FindRelatedInput>(ActivityNames.FindRelated).Count(i => i.Module.Module == "Calls"));
        Assert.Contains(context.RetryPolicies, p => p.Name == ActivityNames.FindRelated && p.Retry == Settings.ActivityRetry);
        Assert.Empty(org.InputsOf<DeleteBatchInput>(ActivityNames.DeleteBatch));
        Assert.DoesNotContain(Subject, ReplayJson.Write(result));
    }

    [Fact]
    public async Task RunAsync_ActivityFailsOnceThenSucceeds_Completes()
    {
        var org = Org();
        org.Fail = (name, _, attempt) => name == ActivityNames.ExportRecords && attempt == 1 ? new TimeoutException() : null;

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Access));

        Assert.Equal(DsrStatus.Completed, result.Status);
    }

    [Fact]
    public async Task RunAsync_GateRefusesThenGrants_WaitsUntilRetryAt()
    {
        var org = Org();
        var refused = false;

        var (result, context) = await RunAsync(org, Input(DsrRequestType.Access), c => c.ScriptedGrants = request =>
        {
            if (!refused)
            {
                refused = true;
                return new GateGrant(0, request.Now.AddSeconds(7), OrgRateGate.ConcurrencyReason);
            }

            return c.Gate.Acquire(request);
        });

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.Equal(Start.AddSeconds(7), context.Timers[0]);
        Assert.Equal(Start.AddSeconds(7), context.Acquires[1].Now);
    }

    [Fact]
    public async Task RunAsync_GateRefusesWithoutRetryAt_PollsAfterInterval()
    {
        var org = Org();
        var refusals = 0;

        var (_, context) = await RunAsync(org, Input(DsrRequestType.Access), c => c.ScriptedGrants = request =>
            refusals++ < 2 ? new GateGrant(0, null, OrgRateGate.CreditsReason) : c.Gate.Acquire(request));

        Assert.Equal([Start + OrgRateGate.PollInterval, Start + OrgRateGate.PollInterval + OrgRateGate.PollInterval], context.Timers);
    }

    [Fact]
    public async Task RunAsync_GateGrantsOnePermit_RunsWavesAndReleasesEachWithItsCredits()
    {
        var org = Org();

        var (result, context) = await RunAsync(org, Input(DsrRequestType.Access), c => c.ScriptedGrants = request =>
        {
            c.Gate.Acquire(request with { Permits = 1 });
            return new GateGrant(1, null, null);
        });

        var zohoCalls = ZohoCalls(org);
        Assert.Equal(zohoCalls, context.Acquires.Count);
        Assert.Equal(zohoCalls, context.Releases.Count);
        Assert.All(context.Releases, r => Assert.Equal(2, r.CreditsSpent));
        Assert.Equal(result.CreditsUsed, context.Gate.CreditsSpent(context.CurrentUtcDateTime));
    }

    [Fact]
    public async Task RunAsync_GateRequests_CarryProfileBudgetsHolderAndLease()
    {
        var org = Org();
        org.Profile = org.Profile with { ConcurrencyBudget = 2, CreditBudget = 5000 };

        var (_, context) = await RunAsync(org, Input(DsrRequestType.Access));

        var resolve = context.Acquires[0];
        Assert.Equal(("instance-1", 1, 0, 0L), (resolve.Holder, resolve.Permits, resolve.Capacity, resolve.CreditBudget));
        Assert.All(context.Acquires.Skip(1), a =>
        {
            Assert.Equal(("instance-1", 2, 5000L, Settings.GateLease), (a.Holder, a.Capacity, a.CreditBudget, a.Lease));
            Assert.InRange(a.Permits, 1, 2);
        });
        Assert.Equal(0, context.Gate.InUse(context.CurrentUtcDateTime));
    }

    [Fact]
    public async Task RunAsync_FindRelatedAndVerifyWaves_AskForSubConcurrencyPermitsAndReturnThem()
    {
        var org = Org();
        org.Profile = org.Profile with { ConcurrencyBudget = 4, SubConcurrencyBudget = 1 };

        var (result, context) = await RunAsync(org, Input(DsrRequestType.Delete));

        Assert.Equal(DsrStatus.Completed, result.Status);
        var complex = context.Acquires.Where(a => a.Complex).ToList();
        Assert.Equal(
            org.Calls.Count(c => c.Name is ActivityNames.FindInModule or ActivityNames.FindRelated or ActivityNames.VerifyDeleted),
            complex.Count);
        Assert.All(complex, a => Assert.Equal((1, 1), (a.Permits, a.ComplexCapacity)));
        Assert.Contains(context.Acquires, a => !a.Complex && a.Permits > 1); // the delete waves: main cap only
        Assert.Equal(0, context.Gate.InUse(context.CurrentUtcDateTime));
        Assert.Equal(0, context.Gate.ComplexInUse(context.CurrentUtcDateTime));
        Assert.Equal(1, context.Gate.State.ComplexCapacity);
    }
}
