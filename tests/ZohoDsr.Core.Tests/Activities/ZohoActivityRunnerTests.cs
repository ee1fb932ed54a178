using Microsoft.Extensions.DependencyInjection;
using ZohoCrm.Client;
using ZohoCrm.Simulator;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.Telemetry;
using ZohoDsr.Core.Tests.Telemetry;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests.Activities;

/// <summary>The one place around every Zoho-calling activity: client, spend, throttle, audit lines; against the simulator.</summary>
public sealed class ZohoActivityRunnerTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Start_ZohoThrottles_ReportsTheThrottleAsIsWithoutWaitingOrRetrying()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        org.Faults.Rate429 = 1;
        var input = new VerifyDeletedInput(org.OrgId, "r-1", "Tasks", ["1"]) { CallId = "i-1:3" };
        ZohoActivityRun<VerifyDeletedResult> run = host.Get<ZohoActivityRunner>().Start(DsrActivities.VerifyDeleted, input, AuditActions.Verify, "Tasks");
        var attempts = 0;

        VerifyDeletedResult result = await run.RunAsync(
            async () =>
            {
                attempts++;
                await run.Client.GetOrgAsync(CancellationToken.None);
                return new VerifyDeletedResult("Tasks", ["never"]);
            },
            () => new VerifyDeletedResult("Tasks", []),
            CancellationToken.None);

        // The throttle is reported, not waited on: no Retry-After invented (Zoho sends none), one call, no retry. Only the
        // orchestration schedules the wait (DsrCallsTests).
        Assert.Equal(new ActivityThrottle(null, "TOO_MANY_REQUESTS"), result.Throttled);
        Assert.Empty(result.StillPresentIds);
        Assert.Equal(1, attempts);
        Assert.Equal(1, org.Counters.TotalCalls);
        Assert.Equal(1, result.Spend.Calls);
        AuditEntry line = Assert.Single((await Trail(host, org, "r-1")).Entries);
        Assert.Equal((AuditActions.Verify, "Tasks", AuditOutcomes.Throttled, "TOO_MANY_REQUESTS"), (line.Action, line.Module, line.Outcome, line.ZohoCode));
        Assert.Equal((ActivityNames.VerifyDeleted, "i-1:3"), (line.Writer, line.CallId));
    }

    [Fact]
    public async Task Start_WorkDone_SpendIsTheRunsOwnAndEveryLineSaysWhichCallWroteIt()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        var input = new ExportRecordsInput(org.OrgId, "r-2", "Leads", [], 1) { CallId = "i-2:9" };
        ZohoActivityRun<ExportRecordsResult> run = host.Get<ZohoActivityRunner>().Start(DsrActivities.ExportRecords, input, AuditActions.Export, "Leads");

        ExportRecordsResult result = await run.RunAsync(
            async () =>
            {
                ZohoOrg zoho = await run.Client.GetOrgAsync(CancellationToken.None);
                run.Audit.Add(AuditActions.Export, "Leads", 0, AuditOutcomes.Ok);
                run.Audit.Add(AuditActions.Export, "Leads", 1, AuditOutcomes.Missing, recordIds: [zoho.Id]);
                return new ExportRecordsResult("Leads", "p", 0, []);
            },
            () => throw new InvalidOperationException("not throttled"),
            CancellationToken.None);

        Assert.Null(result.Throttled);
        Assert.Equal(1, result.Spend.Calls);
        AuditTrail trail = await Trail(host, org, "r-2");
        Assert.Equal([AuditOutcomes.Ok, AuditOutcomes.Missing], trail.Entries.Select(e => e.Outcome));
        Assert.All(trail.Entries, e => Assert.Equal((ActivityNames.ExportRecords, "i-2:9"), (e.Writer, e.CallId)));
    }

    [Fact]
    public async Task Start_RunsEnd_MetricsCountTheCallsCreditsAndThrottlesTheSimulatorSaw()
    {
        SimOrg org = simulator.NewOrg();
        using var capture = new MetricsCapture();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org], services: s => s.AddSingleton(capture.MeterFactory));
        ZohoActivityRunner runner = host.Get<ZohoActivityRunner>();
        var input = new ExportRecordsInput(org.OrgId, "r-3", "Leads", [], 1) { CallId = "i-3:1" };

        ZohoActivityRun<ExportRecordsResult> done = runner.Start(DsrActivities.ExportRecords, input, AuditActions.Export, "Leads");
        await done.RunAsync(
            async () =>
            {
                await done.Client.GetOrgAsync(CancellationToken.None);
                await done.Client.GetOrgAsync(CancellationToken.None);
                return new ExportRecordsResult("Leads", "p", 0, []);
            },
            () => throw new InvalidOperationException("not throttled"),
            CancellationToken.None);
        Assert.Equal(2, org.Counters.TotalCalls);
        Assert.Equal(org.Counters.TotalCalls, Sum(capture, DsrTelemetry.ZohoCalls, org.OrgId));
        Assert.Equal(org.Counters.CreditsUsed, Sum(capture, DsrTelemetry.ZohoCredits, org.OrgId));
        Assert.Empty(capture.Of(DsrTelemetry.ZohoThrottles));

        org.Faults.Rate429 = 1;
        ZohoActivityRun<ExportRecordsResult> throttled = runner.Start(DsrActivities.ExportRecords, input with { CallId = "i-3:2" }, AuditActions.Export, "Leads");
        ExportRecordsResult result = await throttled.RunAsync(
            async () =>
            {
                await throttled.Client.GetOrgAsync(CancellationToken.None);
                return new ExportRecordsResult("Leads", "p", 0, []);
            },
            () => new ExportRecordsResult("Leads", "p", 0, []),
            CancellationToken.None);

        // Ground truth: the simulator's own counters, not the runs' results.
        Assert.NotNull(result.Throttled);
        Assert.Equal(3, org.Counters.TotalCalls);
        Assert.Equal(org.Counters.TotalCalls, Sum(capture, DsrTelemetry.ZohoCalls, org.OrgId));
        Assert.Equal(org.Counters.ThrottledCalls, Sum(capture, DsrTelemetry.ZohoThrottles, org.OrgId));
        Assert.Equal(1, org.Counters.ThrottledCalls);

        // Zoho does not charge the refused call; the client counts every call at its price when it starts (the gate's
        // budget and the result's creditsUsed do the same), so the metric errs on the high side by that call.
        Assert.Equal(org.Counters.CreditsUsed + 1, Sum(capture, DsrTelemetry.ZohoCredits, org.OrgId));
    }

    private static double Sum(MetricsCapture capture, string instrument, string orgId)
        => capture.Of(instrument).Where(m => m.Tag(DsrTelemetryAttributes.OrgId) == orgId).Sum(m => m.Value);

    private static Task<AuditTrail> Trail(CoreTestHost host, SimOrg org, string requestId)
        => AuditTrail.ReadAsync(host.Get<IExportStore>(), org.OrgId, requestId, CancellationToken.None);
}
