using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Core.Tests.Replay;
using static ZohoDsr.Core.Tests.Orchestration.OrchestrationScenario;

namespace ZohoDsr.Core.Tests.Orchestration;

/// <summary>The delete phase (<see cref="DeletePhase"/>): what may be deleted, batches children before parents, per-record outcomes.</summary>
public sealed class DeletePhaseTests
{
    [Fact]
    public async Task RunAsync_Delete_ChildrenBeforeParentsContactsLast()
    {
        var org = Org();
        org.Found["Cases"] = ["s1"];

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.Equal(["Calls", "Quotes", "Cases", "Leads", "Contacts"], org.InputsOf<DeleteBatchInput>(ActivityNames.DeleteBatch).Select(d => d.Module));
        Assert.Equal(8, Ids(result, RecordOutcomeKind.Deleted).Count());
        Assert.Equal(org.Deleted.Order(StringComparer.Ordinal), result.Records.Select(r => r.RecordId).Order(StringComparer.Ordinal));
        var verified = org.InputsOf<VerifyDeletedInput>(ActivityNames.VerifyDeleted).SelectMany(v => v.RecordIds).Order(StringComparer.Ordinal);
        Assert.Equal(org.Deleted.Order(StringComparer.Ordinal), verified);
    }

    [Fact]
    public async Task RunAsync_DeleteManyRecords_BatchesOfAtMost100()
    {
        var org = Org();
        org.Found["Contacts"] = [.. Enumerable.Range(1, 230).Select(i => $"c{i:D3}")];

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete));

        Assert.Equal([100, 100, 30], org.InputsOf<DeleteBatchInput>(ActivityNames.DeleteBatch).Where(d => d.Module == "Contacts").Select(d => d.RecordIds.Count));
        Assert.All(org.InputsOf<VerifyDeletedInput>(ActivityNames.VerifyDeleted), v => Assert.InRange(v.RecordIds.Count, 1, 100));
        Assert.Equal(230, result.Modules.Single(m => m.Module == "Contacts").Deleted);
    }

    [Fact]
    public async Task RunAsync_DryRun_DeletesNothingReportsFound()
    {
        var org = Org();

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete, dryRun: true, approval: true));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.True(result.DryRun);
        Assert.Empty(org.InputsOf<DeleteBatchInput>(ActivityNames.DeleteBatch));
        Assert.Empty(org.InputsOf<VerifyDeletedInput>(ActivityNames.VerifyDeleted));
        Assert.Empty(org.Deleted);
        Assert.Equal(7, Ids(result, RecordOutcomeKind.Found).Count());
        Assert.Null(result.RecycleBinRetainedUntil);
        Assert.Contains(org.Audits.SelectMany(a => a.Entries), e => e.Action == "dry-run" && e.Module == "Contacts" && e.Count == 2);
    }

    [Fact]
    public async Task RunAsync_ModuleNotDeletable_ReportedSkippedNotDeletable()
    {
        var org = Org();
        org.Profile = org.Profile with { DeletableModules = ["Contacts", "Leads", "Calls"], NotDeletableModules = ["Quotes", "Cases"] };

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete));

        Assert.Equal(["Quotes/q1"], Ids(result, RecordOutcomeKind.SkippedNotDeletable));
        Assert.DoesNotContain(org.InputsOf<DeleteBatchInput>(ActivityNames.DeleteBatch), d => d.Module == "Quotes");
        Assert.Equal(1, result.Modules.Single(m => m.Module == "Quotes").Skipped);
        Assert.Equal(DsrStatus.Completed, result.Status);
    }

    [Fact]
    public async Task RunAsync_ModuleNotSelected_ReportedSkippedNotSelected()
    {
        var org = Org();
        org.Profile = org.Profile with { DeletableModules = ["Calls"], NotDeletableModules = ["Contacts", "Leads", "Cases", "Quotes"] };

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete, modules: ["Calls", "Quotes"]));

        Assert.Equal(["Contacts/c1", "Contacts/c2", "Leads/l1"], Ids(result, RecordOutcomeKind.SkippedNotSelected));
        Assert.Equal(["Quotes/q1"], Ids(result, RecordOutcomeKind.SkippedNotDeletable));
        Assert.Equal(["Calls"], org.InputsOf<DeleteBatchInput>(ActivityNames.DeleteBatch).Select(d => d.Module));
    }

    [Fact]
    public async Task RunAsync_DeleteBatchThrottledPartWay_RetriesOnlyUnansweredIdsAndReportsEveryDeletion()
    {
        var org = Org();
        org.DeletedBeforeThrottle = 1;
        var deleteCalls = 0;
        org.Throttle = (name, _, _) => name == ActivityNames.DeleteBatch && Interlocked.Increment(ref deleteCalls) == 1
            ? new ActivityThrottle(TimeSpan.Zero, "TOO_MANY_REQUESTS")
            : null;

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete), c => c.Guids.Enqueue(ThrottleBackoffTests.Jitter(0x80)));
        var (clean, _) = await RunAsync(Org(), Input(DsrRequestType.Delete));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.Equal(clean.Records, result.Records);
        Assert.DoesNotContain(result.Records, r => r.Outcome == RecordOutcomeKind.NotFound);
        var first = org.InputsOf<DeleteBatchInput>(ActivityNames.DeleteBatch).First();
        var retry = org.InputsOf<DeleteBatchInput>(ActivityNames.DeleteBatch).Skip(1).First(i => i.Module == first.Module);
        Assert.Equal(first.RecordIds.Skip(1), retry.RecordIds);
    }

    [Fact]
    public async Task RunAsync_RecordVanishedBeforeDelete_ReportedNotFound()
    {
        var org = Org();
        org.DeleteCodes["l1"] = "INVALID_DATA";

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.Equal(new RecordOutcome("Leads", "l1", RecordOutcomeKind.NotFound, "INVALID_DATA"), result.Records.Single(r => r.RecordId == "l1"));
        Assert.Equal(new ModuleOutcome("Leads", "coql", 1, 0, 1, 0, 0), result.Modules.Single(m => m.Module == "Leads"));
        Assert.Contains("l1", org.InputsOf<VerifyDeletedInput>(ActivityNames.VerifyDeleted).SelectMany(v => v.RecordIds));
    }

    [Fact]
    public async Task RunAsync_RecordLocked_FailedWithZohoCodeNotVerified()
    {
        var org = Org();
        org.DeleteCodes["k2"] = "RECORD_LOCKED";

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete));

        Assert.Equal(new RecordOutcome("Calls", "k2", RecordOutcomeKind.Failed, "RECORD_LOCKED"), result.Records.Single(r => r.RecordId == "k2"));
        Assert.DoesNotContain("k2", org.InputsOf<VerifyDeletedInput>(ActivityNames.VerifyDeleted).SelectMany(v => v.RecordIds));
        Assert.Equal("1 of 7 records not deleted (RECORD_LOCKED: 1)", result.Error);
    }

    [Fact]
    public async Task RunAsync_RefreshTokenRevokedMidDelete_EveryUnfinishedRecordFailedWithInvalidCode()
    {
        var org = Org();
        org.DeletedBeforeThrottle = 1;
        org.Fault = (name, input, _) => name == ActivityNames.DeleteBatch && ((DeleteBatchInput)input).Module == "Leads"
            ? new ActivityFault(ActivityFaultCodes.InvalidCode)
            : null;
        org.Found["Leads"] = ["l1", "l2"];

        var (result, context) = await RunAsync(org, Input(DsrRequestType.Delete));

        Assert.Equal(DsrStatus.Failed, result.Status);
        Assert.Equal(["Calls/k1", "Calls/k2", "Calls/k3", "Leads/l1", "Quotes/q1"], Ids(result, RecordOutcomeKind.Deleted));
        Assert.Equal(["Contacts/c1", "Contacts/c2", "Leads/l2"], Ids(result, RecordOutcomeKind.Failed));
        Assert.All(result.Records.Where(r => r.Outcome == RecordOutcomeKind.Failed), r => Assert.Equal("invalid_code", r.ZohoCode));
        Assert.DoesNotContain(result.Records, r => r.Outcome == RecordOutcomeKind.Found);
        Assert.Equal(
            "3 of 8 records not deleted (invalid_code: 3); DeleteBatch for module Leads failed (invalid_code): refresh token revoked: re-authorise org org-1",
            result.Error);
        Assert.DoesNotContain(org.InputsOf<DeleteBatchInput>(ActivityNames.DeleteBatch), d => d.Module == "Contacts");
        Assert.Empty(org.InputsOf<VerifyDeletedInput>(ActivityNames.VerifyDeleted));
        Assert.Equal(3, context.Statuses[^1].RecordsFailed);
        var failures = OrchestrationAudit(org).Where(e => e.Action == AuditActions.Failure).ToList();
        Assert.Contains(failures, e => e.Module == "Contacts" && e.Outcome == AuditOutcomes.Failed && e.ZohoCode == "invalid_code" && e.RecordIds!.SequenceEqual(["c1", "c2"]));
        Assert.Contains(failures, e => e.Module == "Leads" && e.Outcome == AuditOutcomes.ActivityFailed && e.ZohoCode == "invalid_code");
        Assert.Equal(0, context.Gate.InUse(context.CurrentUtcDateTime));
    }

    [Fact]
    public async Task RunAsync_DeleteBatchFailsEveryRetry_RecordsFailedWithTheThrownFaultsCode()
    {
        var org = Org();
        org.Fail = (name, input, _) => name == ActivityNames.DeleteBatch && ((DeleteBatchInput)input).Module == "Calls"
            ? new ActivityFaultException(new ActivityFault(ActivityFaultCodes.TransportError), new HttpRequestException("connection reset"))
            : null;

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete));

        Assert.Equal(DsrStatus.Failed, result.Status);
        Assert.Equal(Settings.ActivityRetry.MaxNumberOfAttempts, org.InputsOf<DeleteBatchInput>(ActivityNames.DeleteBatch).Count(d => d.Module == "Calls"));
        Assert.Equal(["Quotes/q1"], Ids(result, RecordOutcomeKind.Deleted));
        Assert.Equal(6, result.Records.Count(r => r.Outcome == RecordOutcomeKind.Failed && r.ZohoCode == ActivityFaultCodes.TransportError));
        Assert.StartsWith("6 of 7 records not deleted (TRANSPORT_ERROR: 6); DeleteBatch for module Calls failed (TRANSPORT_ERROR): Zoho could not be reached", result.Error);
    }

    [Fact]
    public async Task RunAsync_RefreshTokenRevokedWhileFinding_EveryFoundRecordFailedWithInvalidCodeNoneDeleted()
    {
        var org = Org();
        org.Fail = (name, _, _) => name == ActivityNames.FindRelated
            ? new ActivityFaultException(new ActivityFault(ActivityFaultCodes.InvalidCode), new InvalidOperationException("invalid_code"))
            : null;

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete));

        Assert.Equal(DsrStatus.Failed, result.Status);
        Assert.Empty(org.InputsOf<DeleteBatchInput>(ActivityNames.DeleteBatch));
        Assert.Empty(org.Deleted);
        Assert.DoesNotContain(result.Records, r => r.Outcome == RecordOutcomeKind.Found);
        Assert.Equal(["Contacts/c1", "Contacts/c2", "Leads/l1"], Ids(result, RecordOutcomeKind.Failed));
        Assert.All(result.Records.Where(r => r.Outcome == RecordOutcomeKind.Failed), r => Assert.Equal("invalid_code", r.ZohoCode));
        Assert.StartsWith("3 of 3 records not deleted (invalid_code: 3); FindRelated for module ", result.Error, StringComparison.Ordinal);
        Assert.Contains(OrchestrationAudit(org), e => e.Action == AuditActions.Failure && e.Outcome == AuditOutcomes.Failed && e.Module == "Contacts");
    }

    [Fact]
    public async Task RunAsync_DryRunWhoseFindingFails_ReportsNothingFailed()
    {
        var org = Org();
        org.Fail = (name, _, _) => name == ActivityNames.FindRelated
            ? new ActivityFaultException(new ActivityFault(ActivityFaultCodes.InvalidCode), new InvalidOperationException("invalid_code"))
            : null;

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete, dryRun: true));

        Assert.Equal(DsrStatus.Failed, result.Status);
        Assert.DoesNotContain(result.Records, r => r.Outcome == RecordOutcomeKind.Failed);
        Assert.StartsWith("FindRelated for module ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DeleteWithMentions_MentionsReportedButNeverDeleted()
    {
        var org = Org();
        var mention = new Mention("Contacts", "m9", "Description");
        org.FindMentions["Contacts"] = [mention];

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.Equal([mention], result.Mentions);
        Assert.DoesNotContain("m9", org.InputsOf<DeleteBatchInput>(ActivityNames.DeleteBatch).SelectMany(d => d.RecordIds));
        Assert.DoesNotContain(result.Records, r => r.RecordId == "m9");
        Assert.DoesNotContain("m9", org.Deleted);
    }
}
