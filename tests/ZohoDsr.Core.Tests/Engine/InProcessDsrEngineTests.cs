using Microsoft.Extensions.Logging.Abstractions;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Engine;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Core.Tests.Orchestration;

namespace ZohoDsr.Core.Tests.Engine;

public sealed class InProcessDsrEngineTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly OrchestrationSettings Fast = new()
    {
        ApprovalTimeout = TimeSpan.FromHours(1),
        ThrottleBaseDelay = TimeSpan.FromMilliseconds(1),
        ThrottleMaxDelay = TimeSpan.FromMilliseconds(10),
        ActivityRetry = new ActivityRetryPolicy(3, TimeSpan.FromMilliseconds(1)),
        CallbackRetry = new ActivityRetryPolicy(2, TimeSpan.FromMilliseconds(1)),
    };

    private static FakeActivities Org()
    {
        var org = new FakeActivities();
        org.Profile = org.Profile with { Settings = Fast };
        org.Found["Contacts"] = ["c1"];
        org.Found["Leads"] = ["l1", "l2"];
        org.Related["Calls"] = new() { ["c1"] = ["k1"] };
        return org;
    }

    private static DsrOrchestrationInput Input(string requestId, DsrRequestType type = DsrRequestType.Delete, bool approval = false) => new()
    {
        RequestId = requestId,
        OrgId = "org-1",
        Type = type,
        SubjectEmail = "grace@example.com",
        RequireApproval = approval,
    };

    private static InProcessDsrEngine Engine(FakeActivities org, TimeProvider? time = null)
        => new(org, time ?? TimeProvider.System, NullLoggerFactory.Instance);

    /// <summary>Holds every ResolveOrg of <paramref name="requestId"/> until the returned release is set; entered is set when one starts.</summary>
    private static (TaskCompletionSource Entered, TaskCompletionSource Release) Hold(FakeActivities org, string requestId)
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        org.Before = async (name, input, cancellationToken) =>
        {
            if (name == ActivityNames.ResolveOrg && ((ResolveOrgInput)input).RequestId == requestId)
            {
                entered.TrySetResult();
                await release.Task.WaitAsync(cancellationToken);
            }
        };
        return (entered, release);
    }

    [Fact]
    public async Task StartAsync_DeleteRequest_RunsToCompletionWithOutputAndProgress()
    {
        var org = Org();
        await using var engine = Engine(org);

        await engine.StartAsync("i-1", Input("r-1"), CancellationToken.None);
        var state = await engine.WaitForCompletionAsync("i-1", CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(DsrRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(DsrStatus.Completed, state.Output!.Status);
        Assert.Equal(4, state.Output.Records.Count(r => r.Outcome == RecordOutcomeKind.Deleted));
        Assert.Equal(["c1", "k1", "l1", "l2"], org.Deleted.Order(StringComparer.Ordinal));
        Assert.Equal((DsrStatus.Completed, "done", 4), (state.Progress!.Status, state.Progress.Phase, state.Progress.RecordsDeleted));
        Assert.Equal("r-1", state.Input!.RequestId);
        Assert.Equal(0, engine.PermitsInUse("org-1"));
        Assert.Equal(state, await engine.GetAsync("i-1", CancellationToken.None));
    }

    [Fact]
    public async Task StartAsync_SameIdTwice_RunsOnce()
    {
        var org = Org();
        await using var engine = Engine(org);

        await engine.StartAsync("i-1", Input("r-1"), CancellationToken.None);
        await engine.StartAsync("i-1", Input("r-1"), CancellationToken.None);
        await engine.WaitForCompletionAsync("i-1", CancellationToken.None).WaitAsync(Wait);
        await engine.StartAsync("i-1", Input("r-1"), CancellationToken.None);

        Assert.Single(org.InputsOf<ResolveOrgInput>(ActivityNames.ResolveOrg));
        Assert.Equal(DsrRuntimeStatus.Completed, (await engine.GetAsync("i-1", CancellationToken.None))!.RuntimeStatus);
    }

    [Fact]
    public async Task StartAsync_TwoInstancesOneOrg_ShareTheGateAndNeverExceedItsCapacity()
    {
        var org = Org();
        org.Profile = org.Profile with { ConcurrencyBudget = 1 };
        var time = new SignalingTimeProvider();
        var (entered, release) = Hold(org, "r-a");
        await using var engine = Engine(org, time);

        await engine.StartAsync("a", Input("r-a"), CancellationToken.None);
        await entered.Task.WaitAsync(Wait);
        await engine.StartAsync("b", Input("r-b"), CancellationToken.None);
        await time.WaitForTimerAsync(OrgRateGate.PollInterval);

        Assert.DoesNotContain(org.InputsOf<ResolveOrgInput>(ActivityNames.ResolveOrg), i => i.RequestId == "r-b");
        Assert.Equal(1, engine.PermitsInUse("org-1"));

        release.SetResult();
        var a = await engine.WaitForCompletionAsync("a", CancellationToken.None).WaitAsync(Wait);
        Assert.Equal(DsrStatus.Completed, a.Output!.Status);
        Assert.Equal(DsrRuntimeStatus.Running, (await engine.GetAsync("b", CancellationToken.None))!.RuntimeStatus);

        time.Advance(OrgRateGate.PollInterval);
        var b = await engine.WaitForCompletionAsync("b", CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(DsrStatus.Completed, b.Output!.Status);
        Assert.Equal(1, org.PeakInFlight);
        Assert.Equal(0, engine.PermitsInUse("org-1"));
    }

    [Fact]
    public async Task RaiseEventAsync_BeforeTheWaitStarts_IsBuffered()
    {
        var org = Org();
        var (entered, release) = Hold(org, "r-1");
        await using var engine = Engine(org);

        await engine.StartAsync("i-1", Input("r-1", approval: true), CancellationToken.None);
        await entered.Task.WaitAsync(Wait);
        await engine.RaiseEventAsync("i-1", EventNames.Approval, new ApprovalDecision(true, "dpo"), CancellationToken.None);
        release.SetResult();
        var state = await engine.WaitForCompletionAsync("i-1", CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(DsrStatus.Completed, state.Output!.Status);
        Assert.Equal(4, org.Deleted.Count);
    }

    [Fact]
    public async Task RaiseEventAsync_WhileAwaitingApproval_RejectCancelsRequest()
    {
        var org = Org();
        var time = new SignalingTimeProvider();
        await using var engine = Engine(org, time);

        await engine.StartAsync("i-1", Input("r-1", approval: true), CancellationToken.None);
        await time.WaitForTimerAsync(Fast.ApprovalTimeout);
        var waiting = await engine.GetAsync("i-1", CancellationToken.None);
        Assert.Equal(DsrStatus.AwaitingApproval, waiting!.Progress!.Status);
        Assert.Equal(time.GetUtcNow() + Fast.ApprovalTimeout, waiting.Progress.ApprovalDeadline);

        await engine.RaiseEventAsync("i-1", EventNames.Approval, System.Text.Json.JsonSerializer.SerializeToElement(new { approved = false }), CancellationToken.None);
        var state = await engine.WaitForCompletionAsync("i-1", CancellationToken.None).WaitAsync(Wait);

        Assert.Equal((DsrStatus.Canceled, "rejected"), (state.Output!.Status, state.Output.Error));
        Assert.Empty(org.Deleted);
    }

    [Fact]
    public async Task WaitForApproval_DeadlinePasses_RequestFails()
    {
        var org = Org();
        var time = new SignalingTimeProvider();
        await using var engine = Engine(org, time);

        await engine.StartAsync("i-1", Input("r-1", approval: true), CancellationToken.None);
        await time.WaitForTimerAsync(Fast.ApprovalTimeout);
        time.Advance(Fast.ApprovalTimeout);
        var state = await engine.WaitForCompletionAsync("i-1", CancellationToken.None).WaitAsync(Wait);

        Assert.Equal((DsrStatus.Failed, "approval deadline passed"), (state.Output!.Status, state.Output.Error));
        Assert.Empty(org.Deleted);
    }

    [Fact]
    public async Task Throttled_WaitsOnTheTimeProvidersTimerThenRetries()
    {
        var org = Org();
        org.Throttle = (name, _, attempt) => name == ActivityNames.ResolveOrg && attempt == 1 ? new ActivityThrottle(TimeSpan.FromSeconds(30), "TOO_MANY_REQUESTS") : null;
        var time = new SignalingTimeProvider();
        await using var engine = Engine(org, time);

        await engine.StartAsync("i-1", Input("r-1") with { Settings = Fast with { ThrottleMaxDelay = TimeSpan.FromMinutes(1) } }, CancellationToken.None);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        Assert.Single(org.InputsOf<ResolveOrgInput>(ActivityNames.ResolveOrg));
        time.Advance(TimeSpan.FromSeconds(30));
        var state = await engine.WaitForCompletionAsync("i-1", CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(DsrStatus.Completed, state.Output!.Status);
        Assert.Equal(2, org.InputsOf<ResolveOrgInput>(ActivityNames.ResolveOrg).Count());
    }

    [Fact]
    public async Task CallActivity_FailsOnce_RetriedPerPolicy()
    {
        var org = Org();
        org.Fail = (name, input, attempt) => name == ActivityNames.FindInModule && ((FindInModuleInput)input).Module.Module == "Leads" && attempt == 1
            ? new HttpRequestException("reset")
            : null;
        await using var engine = Engine(org);

        await engine.StartAsync("i-1", Input("r-1"), CancellationToken.None);
        var state = await engine.WaitForCompletionAsync("i-1", CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(DsrStatus.Completed, state.Output!.Status);
        Assert.Equal(2, org.InputsOf<FindInModuleInput>(ActivityNames.FindInModule).Count(i => i.Module.Module == "Leads"));
    }

    [Fact]
    public async Task CallActivity_FailsEveryAttempt_RequestFailsNamingActivity()
    {
        var org = Org();
        org.Fail = (name, input, _) => name == ActivityNames.FindInModule && ((FindInModuleInput)input).Module.Module == "Leads" ? new HttpRequestException("reset") : null;
        await using var engine = Engine(org);

        await engine.StartAsync("i-1", Input("r-1"), CancellationToken.None);
        var state = await engine.WaitForCompletionAsync("i-1", CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(DsrRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal((DsrStatus.Failed, "FindInModule failed for module Leads"), (state.Output!.Status, state.Output.Error));
        Assert.Equal(Fast.ActivityRetry.MaxNumberOfAttempts, org.InputsOf<FindInModuleInput>(ActivityNames.FindInModule).Count(i => i.Module.Module == "Leads"));
    }

    [Fact]
    public async Task TerminateAsync_Running_TerminatedWithCanceledOutputAndPermitsBack()
    {
        var org = Org();
        var (entered, _) = Hold(org, "r-1");
        await using var engine = Engine(org);

        await engine.StartAsync("i-1", Input("r-1"), CancellationToken.None);
        await entered.Task.WaitAsync(Wait);
        await engine.TerminateAsync("i-1", "canceled by operator", CancellationToken.None);
        var state = await engine.WaitForCompletionAsync("i-1", CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(DsrRuntimeStatus.Terminated, state.RuntimeStatus);
        Assert.Equal((DsrStatus.Canceled, "canceled by operator"), (state.Output!.Status, state.Output.Error));
        Assert.Equal("canceled by operator", state.FailureMessage);
        await engine.DisposeAsync();
        Assert.Equal(0, engine.PermitsInUse("org-1"));
        Assert.Empty(org.InputsOf<FindInModuleInput>(ActivityNames.FindInModule));
    }

    [Fact]
    public async Task TerminateAsync_Finished_KeepsOutcome()
    {
        var org = Org();
        await using var engine = Engine(org);
        await engine.StartAsync("i-1", Input("r-1"), CancellationToken.None);
        await engine.WaitForCompletionAsync("i-1", CancellationToken.None).WaitAsync(Wait);

        await engine.TerminateAsync("i-1", "too late", CancellationToken.None);

        Assert.Equal(DsrRuntimeStatus.Completed, (await engine.GetAsync("i-1", CancellationToken.None))!.RuntimeStatus);
    }

    [Fact]
    public async Task DisposeAsync_RunningInstance_EndsCanceled()
    {
        var org = Org();
        var (entered, _) = Hold(org, "r-1");
        var engine = Engine(org);
        await engine.StartAsync("i-1", Input("r-1"), CancellationToken.None);
        await entered.Task.WaitAsync(Wait);

        await engine.DisposeAsync().AsTask().WaitAsync(Wait);

        var state = await engine.GetAsync("i-1", CancellationToken.None);
        Assert.Equal(DsrRuntimeStatus.Terminated, state!.RuntimeStatus);
        Assert.Equal((DsrStatus.Canceled, InProcessDsrEngine.StoppedReason), (state.Output!.Status, state.Output.Error));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => engine.StartAsync("i-2", Input("r-2"), CancellationToken.None));
    }

    [Fact]
    public async Task UnknownInstance_GetNullOthersThrow()
    {
        await using var engine = Engine(Org());

        Assert.Null(await engine.GetAsync("nope", CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.RaiseEventAsync("nope", EventNames.Approval, new ApprovalDecision(true), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.TerminateAsync("nope", "x", CancellationToken.None));
    }

    [Fact]
    public async Task Purge_FinishedInstance_Forgotten()
    {
        await using var engine = Engine(Org());
        await engine.StartAsync("i-1", Input("r-1"), CancellationToken.None);
        await engine.WaitForCompletionAsync("i-1", CancellationToken.None).WaitAsync(Wait);

        Assert.True(engine.Purge("i-1"));
        Assert.Null(await engine.GetAsync("i-1", CancellationToken.None));
    }

    [Fact]
    public void GetManagementUris_RequestUrl_DurableShapeOnRequestHost()
    {
        var engine = Engine(Org());

        var uris = engine.GetManagementUris("dsr-ab12", "req 1", "org/1", new Uri("http://127.0.0.1:5123/api/dsr?x=1"));

        Assert.Equal("dsr-ab12", uris.Id);
        Assert.Equal("http://127.0.0.1:5123/runtime/webhooks/durabletask/instances/dsr-ab12", uris.StatusQueryGetUri);
        Assert.Equal("http://127.0.0.1:5123/runtime/webhooks/durabletask/instances/dsr-ab12/raiseEvent/{eventName}", uris.SendEventPostUri);
        Assert.Equal("http://127.0.0.1:5123/runtime/webhooks/durabletask/instances/dsr-ab12/terminate?reason={text}", uris.TerminatePostUri);
        Assert.Equal("http://127.0.0.1:5123/runtime/webhooks/durabletask/instances/dsr-ab12", uris.PurgeHistoryDeleteUri);
        Assert.Null(uris.SuspendPostUri);
        Assert.Equal("http://127.0.0.1:5123/api/dsr/req%201?orgId=org%2F1", uris.StatusUri);
    }
}
