using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Core.Telemetry;
using ZohoDsr.Core.Tests.Replay;
using static ZohoDsr.Core.Tests.Orchestration.OrchestrationScenario;

namespace ZohoDsr.Core.Tests.Orchestration;

/// <summary>The whole workflow (<see cref="DsrOrchestration"/>): progress, settings, where the subject's email goes, who writes the audit.</summary>
public sealed class DsrOrchestrationTests
{
    [Fact]
    public async Task RunAsync_NothingFound_AccessWritesEmptyExportDeleteAsksNoApproval()
    {
        var empty = Org();
        empty.Found.Clear();

        var (access, _) = await RunAsync(empty, Input(DsrRequestType.Access));
        var (delete, context) = await RunAsync(empty, Input(DsrRequestType.Delete, approval: true));

        Assert.Equal((DsrStatus.Completed, 0), (access.Status, access.Records.Count));
        Assert.Empty(empty.InputsOf<FinalizeExportInput>(ActivityNames.FinalizeExport).Single().PartNames);
        Assert.Equal((DsrStatus.Completed, 0), (delete.Status, delete.Records.Count));
        Assert.Empty(context.EventWaits);
        Assert.Null(delete.RecycleBinRetainedUntil);
    }

    [Fact]
    public async Task RunAsync_SubjectEmail_OnlyInFindAndAuditInputs()
    {
        var org = Org();

        var (result, context) = await RunAsync(org, Input(DsrRequestType.Delete, purge: true, callback: new Uri("https://intake.example/cb")));

        Assert.All(org.Calls.Where(c => c.Name is not (ActivityNames.FindInModule or ActivityNames.WriteAudit)), c => Assert.DoesNotContain(Subject, ReplayJson.Write(c.Input), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(Subject, ReplayJson.Write(result), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Subject, ReplayJson.Write(context.Statuses), StringComparison.OrdinalIgnoreCase);
        Assert.All(org.InputsOf<FindInModuleInput>(ActivityNames.FindInModule), i => Assert.Equal(Subject, i.SubjectEmail));
        Assert.All(org.Audits, a => Assert.Equal(Subject, a.SubjectEmail));
        Assert.DoesNotContain(Subject, ReplayJson.Write(org.Audits.SelectMany(a => a.Entries)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RunAsync_Audit_EntriesForEveryStep()
    {
        var org = Org();

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete, purge: true, approval: true), c => c.Approval = new ApprovalDecision(true));

        // Every step is an activity call with its own key: the lines the activity writes (resolve, find, related, delete,
        // verify, purge: ResolveOrgHandlerTests, DeleteBatchHandlerTests, ..., and the deleted ids end to end in
        // DsrRequestTests) say which call wrote them.
        var callIds = org.Calls.Select(c => ((ActivityInput)c.Input).CallId).ToList();
        Assert.All(callIds, id => Assert.Matches("^instance-1:[0-9]+$", id));
        Assert.Equal(callIds.Count, callIds.Distinct().Count());
        Assert.Equal(
            [ActivityNames.ResolveOrg, ActivityNames.FindInModule, ActivityNames.FindRelated, ActivityNames.DeleteBatch, ActivityNames.VerifyDeleted, ActivityNames.PurgeRecycleBin, ActivityNames.WriteAudit, ActivityNames.ReportOutcome],
            org.Calls.Select(c => c.Name).Distinct());

        // The orchestration writes only what it alone decided, and how the request ended: no second account of a fact.
        var own = OrchestrationAudit(org).ToList();
        Assert.Equal([AuditActions.Approval, AuditActions.Result], own.Select(e => e.Action));
        Assert.All(own, e => Assert.Equal(OrchestrationNames.DsrOrchestration, e.Writer));
        Assert.Equal((AuditOutcomes.Completed, result.Records.Count), (own[^1].Outcome, own[^1].Count));
    }

    [Fact]
    public async Task RunAsync_Progress_ReportsPhasesAndCounts()
    {
        var org = Org();

        var (_, context) = await RunAsync(org, Input(DsrRequestType.Delete));

        var phases = context.Statuses.Select(s => s.Phase).Distinct().ToList();
        Assert.Equal([DsrPhases.Resolve, DsrPhases.Find, DsrPhases.Related, DsrPhases.Delete, DsrPhases.Verify, DsrPhases.Done], phases);
        Assert.All(context.Statuses.Where(s => s.Phase != DsrPhases.Resolve), s => Assert.Equal(5, s.ModulesTotal));
        var last = context.Statuses[^1];
        Assert.Equal((DsrStatus.Completed, 7, 7, 0), (last.Status, last.RecordsFound, last.RecordsDeleted, last.RecordsFailed));
        Assert.Equal(5, context.Statuses.Last(s => s.Phase == DsrPhases.Related).ModulesDone);
    }

    [Fact]
    public async Task RunAsync_SettingsFromProfile_UsedUnlessInputFixesThem()
    {
        var org = Org();
        org.Profile = org.Profile with { Settings = Settings with { ApprovalTimeout = TimeSpan.FromMinutes(10) } };

        var (_, fromProfile) = await RunAsync(org, Input(DsrRequestType.Delete, approval: true));
        var (_, fromInput) = await RunAsync(Org(), Input(DsrRequestType.Delete, approval: true) with { Settings = Settings with { ApprovalTimeout = TimeSpan.FromMinutes(20) } });

        Assert.Equal(TimeSpan.FromMinutes(10), fromProfile.EventWaits.Single().Timeout);
        Assert.Equal(TimeSpan.FromMinutes(20), fromInput.EventWaits.Single().Timeout);
    }

    [Fact]
    public async Task RunAsync_RecordNotDeleted_ReportsTheOutcomeOnceLastWithTheReasonAndTheResultsCounts()
    {
        var org = Org();
        org.DeleteCodes["k1"] = "RECORD_LOCKED";

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete));

        // Once, even though the run was replayed (RecordAndReplay), and after everything else.
        ReportOutcomeInput report = Assert.Single(org.InputsOf<ReportOutcomeInput>(ActivityNames.ReportOutcome));
        Assert.Equal(ActivityNames.ReportOutcome, org.Calls[^1].Name);
        Assert.Equal(DsrStatus.Failed, result.Status);
        Assert.Equal((DsrRequestType.Delete, DsrStatus.Failed, DsrErrorTypes.RecordsNotDeleted), (report.Type, report.Status, report.ErrorType));
        Assert.Equal(("org-1", "req-1"), (report.OrgId, report.RequestId));
        Assert.Equal(
            result.Records.GroupBy(r => (r.Module, r.Outcome)).Select(g => (g.Key.Module, g.Key.Outcome, g.Count())).Order(),
            report.Records.Select(r => (r.Module, r.Outcome, r.Count)).Order());
        Assert.Equal(new RecordOutcomeCount("Calls", RecordOutcomeKind.Failed, 1), Assert.Single(report.Records, r => r.Outcome == RecordOutcomeKind.Failed));
        Assert.True(report.Duration >= TimeSpan.FromMinutes(1), "from the webhook's acceptance, a minute before the start");
    }

    [Fact]
    public async Task RunAsync_ApprovalDeadlinePasses_ReportsApprovalTimeoutAndTheWaitInTheDuration()
    {
        var org = Org();

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete, approval: true));

        ReportOutcomeInput report = Assert.Single(org.InputsOf<ReportOutcomeInput>(ActivityNames.ReportOutcome));
        Assert.Equal(DsrStatus.Failed, result.Status);
        Assert.Equal(DsrErrorTypes.ApprovalTimeout, report.ErrorType);
        Assert.True(report.Duration >= Settings.ApprovalTimeout + TimeSpan.FromMinutes(1), $"duration {report.Duration}");
    }

    [Fact]
    public async Task RunAsync_ReportOutcomeFails_RequestKeepsItsResult()
    {
        var org = Org();
        org.Fail = (name, _, _) => name == ActivityNames.ReportOutcome ? new InvalidOperationException("metrics down") : null;

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Access));

        Assert.Equal(DsrStatus.Completed, result.Status);
        ReportOutcomeInput report = Assert.Single(org.InputsOf<ReportOutcomeInput>(ActivityNames.ReportOutcome));
        Assert.Null(report.ErrorType);
        Assert.Equal(7, report.Records.Where(r => r.Outcome == RecordOutcomeKind.Found).Sum(r => r.Count));
    }
}
