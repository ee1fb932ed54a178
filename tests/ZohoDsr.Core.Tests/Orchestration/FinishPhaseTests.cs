using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Core.Tests.Replay;
using static ZohoDsr.Core.Tests.Orchestration.OrchestrationScenario;

namespace ZohoDsr.Core.Tests.Orchestration;

/// <summary>The end of every run (<see cref="FinishPhase"/>): gaps fail the request, the audit is written, the callback sent.</summary>
public sealed class FinishPhaseTests
{
    [Fact]
    public async Task RunAsync_ModuleNotAccessibleOrValuesHidden_FailsNamingModulesAndReportsUnsearched()
    {
        var org = Org();
        org.Profile = org.Profile with { Gaps = [new ModuleGap("Deals", "module not accessible", "NO_PERMISSION")] };
        org.FindGaps["Cases"] = [new ModuleGap("Cases", "restricted values hidden")];

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete));

        Assert.Equal(DsrStatus.Failed, result.Status);
        Assert.Equal("2 module(s) could not be fully searched: Cases (restricted values hidden); Deals (module not accessible, NO_PERMISSION)", result.Error);
        Assert.Equal(["Calls", "Cases", "Contacts", "Deals", "Leads", "Quotes"], result.Modules.Select(m => m.Module));
        Assert.Equal(new ModuleOutcome("Deals", "unsearched", 0, 0, 0, 0, 0), result.Modules.Single(m => m.Module == "Deals"));
        Assert.DoesNotContain(Subject, result.Error, StringComparison.OrdinalIgnoreCase);

        // What could be deleted still was, and is reported as such.
        Assert.Equal(["Calls/k1", "Calls/k2", "Calls/k3", "Contacts/c1", "Contacts/c2", "Leads/l1", "Quotes/q1"], Ids(result, RecordOutcomeKind.Deleted));
        var audit = org.Audits.SelectMany(a => a.Entries).Where(e => e.Action == "gap").ToList();
        Assert.Equal(["Cases", "Deals"], audit.Select(e => e.Module));
        Assert.All(audit, e => Assert.Equal("unsearched", e.Outcome));
        Assert.Equal("NO_PERMISSION", audit[1].ZohoCode);
    }

    [Fact]
    public async Task RunAsync_RelatedModuleGap_AccessRequestFails()
    {
        var org = Org();
        org.FindGaps["Calls"] = [new ModuleGap("Calls", "activity rows of unknown kind")];

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Access));

        Assert.Equal(DsrStatus.Failed, result.Status);
        Assert.Equal("1 module(s) could not be fully searched: Calls (activity rows of unknown kind)", result.Error);
        Assert.Equal("exports/req-1.json", result.ExportLocation);
        Assert.Equal(new ModuleOutcome("Calls", "lookup", 3, 0, 0, 0, 0), result.Modules[0]);
    }

    [Fact]
    public async Task RunAsync_CallbackDeliveredOrRefused_ActivityAloneRecordsIt()
    {
        var delivered = Org();
        var refused = Org();
        refused.CallbackDelivered = false;

        var (sent, _) = await RunAsync(delivered, Input(DsrRequestType.Access, callback: new Uri("https://intake.example/cb")));
        var (notSent, _) = await RunAsync(refused, Input(DsrRequestType.Access, callback: new Uri("https://intake.example/cb")));

        // SendCallback audits each attempt itself; the orchestration adds a line only when it gives up (previous test).
        Assert.True(sent.CallbackDelivered);
        Assert.False(notSent.CallbackDelivered);
        Assert.All(new[] { delivered, refused }, org =>
        {
            Assert.Single(org.InputsOf<WriteAuditInput>(ActivityNames.WriteAudit));
            Assert.DoesNotContain(OrchestrationAudit(org), e => e.Action == AuditActions.Callback);
        });
        Assert.Null(notSent.Error);
    }

    [Fact]
    public async Task RunAsync_AuditWriteFails_RequestFailed()
    {
        var org = Org();
        org.Fail = (name, _, _) => name == ActivityNames.WriteAudit ? new IOException("storage down") : null;

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Access));

        Assert.Equal(DsrStatus.Failed, result.Status);
        Assert.Equal("WriteAudit failed (ACTIVITY_FAILED): the activity failed on every attempt: see the exception in the instance's history", result.Error);
    }

    [Fact]
    public async Task RunAsync_CallbackFails_RecordedRequestStillCompleted()
    {
        var org = Org();
        org.Fail = (name, _, _) => name == ActivityNames.SendCallback ? new HttpRequestException("503") : null;

        var (result, context) = await RunAsync(org, Input(DsrRequestType.Access, callback: new Uri("https://intake.example/cb")));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.False(result.CallbackDelivered);
        Assert.Null(result.Error);
        Assert.Equal(Settings.CallbackRetry.MaxNumberOfAttempts, org.Calls.Count(c => c.Name == ActivityNames.SendCallback));
        Assert.Contains(context.RetryPolicies, p => p.Name == ActivityNames.SendCallback && p.Retry == Settings.CallbackRetry);
        Assert.Contains(org.Audits[^1].Entries, e => e.Action == "callback" && e.Outcome == "failed");
    }

    [Fact]
    public async Task RunAsync_CallbackDelivered_SummaryIsTheResult()
    {
        var org = Org();

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete, callback: new Uri("https://intake.example/cb")));

        Assert.True(result.CallbackDelivered);
        var sent = Assert.Single(org.InputsOf<SendCallbackInput>(ActivityNames.SendCallback));
        Assert.Equal(new Uri("https://intake.example/cb"), sent.CallbackUrl);
        Assert.Equal(result with { CallbackDelivered = null }, sent.Summary with { Modules = result.Modules, Records = result.Records });
        Assert.Equal(result.Records, sent.Summary.Records);
    }
}
