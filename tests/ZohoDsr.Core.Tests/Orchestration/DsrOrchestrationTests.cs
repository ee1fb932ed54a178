using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Core.Tests.Replay;

namespace ZohoDsr.Core.Tests.Orchestration;

/// <summary>
/// The workflow against a scripted context. Every run is recorded and replayed (<see cref="RecordAndReplay"/>): the replay
/// must issue the same operations with the same inputs and end with the same result.
/// </summary>
public sealed class DsrOrchestrationTests
{
    private const string Subject = "ada.lovelace@example.com";
    private static readonly DateTime Start = ScriptedOrchestrationContext.Start;

    private static readonly OrchestrationSettings Settings = new()
    {
        ApprovalTimeout = TimeSpan.FromHours(2),
        ThrottleBaseDelay = TimeSpan.FromSeconds(4),
        ThrottleMaxDelay = TimeSpan.FromSeconds(60),
        ThrottleMaxAttempts = 5,
        GateLease = TimeSpan.FromMinutes(3),
        ActivityRetry = new ActivityRetryPolicy(3, TimeSpan.FromSeconds(1)),
        CallbackRetry = new ActivityRetryPolicy(4, TimeSpan.FromSeconds(2)),
    };

    /// <summary>Contacts c1, c2 (c1 found twice); Leads l1; Cases none; Calls k1, k2 (c1) and k3 (c2); Quotes q1 (c2).</summary>
    private static FakeActivities Org()
    {
        var org = new FakeActivities { Profile = new FakeActivities().Profile with { Settings = Settings } };
        org.Found["Contacts"] = ["c1", "c2", "c1"];
        org.Found["Leads"] = ["l1"];
        org.Related["Calls"] = new() { ["c1"] = ["k1", "k2"], ["c2"] = ["k3"] };
        org.Related["Quotes"] = new() { ["c2"] = ["q1"] };
        return org;
    }

    private static DsrOrchestrationInput Input(DsrRequestType type, bool dryRun = false, bool approval = false, bool purge = false, IReadOnlyList<string>? modules = null, Uri? callback = null) => new()
    {
        RequestId = "req-1",
        OrgId = "org-1",
        Type = type,
        SubjectEmail = Subject,
        DryRun = dryRun,
        RequireApproval = approval,
        PurgeRecycleBin = purge,
        Modules = modules,
        CallbackUrl = callback,
        ReceivedAt = new DateTimeOffset(Start.AddMinutes(-1), TimeSpan.Zero),
    };

    private static async Task<(DsrResult Result, ScriptedOrchestrationContext Context)> RunAsync(FakeActivities org, DsrOrchestrationInput input, Action<ScriptedOrchestrationContext>? setup = null)
    {
        var context = new ScriptedOrchestrationContext(org);
        setup?.Invoke(context);
        var result = await RecordAndReplay.RunAsync(context, input);
        return (result, context);
    }

    private static IEnumerable<string> Ids(DsrResult result, RecordOutcomeKind kind)
        => result.Records.Where(r => r.Outcome == kind).Select(r => $"{r.Module}/{r.RecordId}");

    [Fact]
    public async Task RunAsync_Access_ExportsEveryRecordOfTheSubjectOnce()
    {
        var org = Org();

        var (result, context) = await RunAsync(org, Input(DsrRequestType.Access));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.Equal(
            ["Calls/k1", "Calls/k2", "Calls/k3", "Contacts/c1", "Contacts/c2", "Leads/l1", "Quotes/q1"],
            Ids(result, RecordOutcomeKind.Found));
        Assert.Equal(7, result.Records.Count);
        Assert.Equal("exports/req-1.json", result.ExportLocation);
        Assert.Equal(["parts/Calls-1.json", "parts/Contacts-2.json", "parts/Leads-3.json", "parts/Quotes-4.json"], org.InputsOf<FinalizeExportInput>(ActivityNames.FinalizeExport).Single().PartNames);
        Assert.Equal(["Calls", "Cases", "Contacts", "Leads", "Quotes"], result.Modules.Select(m => m.Module));
        Assert.Equal(new ModuleOutcome("Calls", "lookup", 3, 0, 0, 0, 0), result.Modules[0]);
        Assert.Equal(new ModuleOutcome("Quotes", "related-list", 1, 0, 0, 0, 0), result.Modules[4]);
        var zohoCalls = org.Calls.Count(c => c.Name is not (ActivityNames.FinalizeExport or ActivityNames.WriteAudit or ActivityNames.SendCallback));
        Assert.Equal(zohoCalls, result.ApiCalls);
        Assert.Equal(2 * zohoCalls, result.CreditsUsed);
        Assert.DoesNotContain(org.Calls, c => c.Name == ActivityNames.DeleteBatch);
        Assert.Equal(Start, result.StartedAt.UtcDateTime);
        Assert.True(result.PrivacySettings);
        Assert.Equal(DsrStatus.Completed, context.Statuses[^1].Status);
    }

    [Fact]
    public async Task RunAsync_ParentsSearchedInParallel_OneWaveWithinBudget()
    {
        var org = Org();

        var (_, context) = await RunAsync(org, Input(DsrRequestType.Access));

        var findWave = context.Acquires[1];
        Assert.Equal(3, findWave.Permits);
        Assert.Equal(["Cases", "Contacts", "Leads"], org.InputsOf<FindInModuleInput>(ActivityNames.FindInModule).Select(i => i.Module.Module));
    }

    [Fact]
    public async Task RunAsync_ManyContacts_RelatedLookedUpInChunksOf50()
    {
        var org = Org();
        org.Found["Contacts"] = [.. Enumerable.Range(1, 120).Select(i => $"c{i:D3}")];

        await RunAsync(org, Input(DsrRequestType.Access));

        var calls = org.InputsOf<FindRelatedInput>(ActivityNames.FindRelated).Where(i => i.Module.Module == "Calls").ToList();
        Assert.Equal([50, 50, 20], calls.Select(c => c.ContactIds.Count));
        Assert.Equal(120, calls.SelectMany(c => c.ContactIds).Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_ManyRecords_ExportPartsOf100()
    {
        var org = Org();
        org.Found["Leads"] = [.. Enumerable.Range(1, 250).Select(i => $"l{i:D3}")];

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Access));

        var parts = org.InputsOf<ExportRecordsInput>(ActivityNames.ExportRecords).Where(i => i.Module == "Leads").ToList();
        Assert.Equal([100, 100, 50], parts.Select(p => p.RecordIds.Count));
        Assert.Equal(parts.Count, parts.Select(p => p.Part).Distinct().Count());
        Assert.Equal(250, result.Modules.Single(m => m.Module == "Leads").Found);
    }

    [Fact]
    public async Task RunAsync_NoContactFound_NoRelatedLookup()
    {
        var org = Org();
        org.Found.Remove("Contacts");

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Access));

        Assert.Empty(org.InputsOf<FindRelatedInput>(ActivityNames.FindRelated));
        Assert.Equal(["Leads/l1"], Ids(result, RecordOutcomeKind.Found));
    }

    [Fact]
    public async Task RunAsync_ActivitiesPseudoModule_RecordsFiledUnderTheirRealModules()
    {
        var org = Org();
        org.Profile = org.Profile with
        {
            RelatedModules = [new RelatedModuleProfile("Activities", "Activities", "Who_Id")],
            DeletableModules = ["Contacts", "Leads", "Cases", "Calls", "Tasks"],
        };
        org.Related["Activities"] = new() { ["c1"] = ["k1", "t1"], ["c2"] = ["t2"] };

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete));

        Assert.Equal(["Calls/k1", "Contacts/c1", "Contacts/c2", "Leads/l1", "Tasks/t1", "Tasks/t2"], Ids(result, RecordOutcomeKind.Deleted));
        Assert.DoesNotContain(org.InputsOf<DeleteBatchInput>(ActivityNames.DeleteBatch), d => d.Module == "Activities");
        Assert.Equal(0, result.Modules.Single(m => m.Module == "Activities").Found);
        Assert.Equal(new ModuleOutcome("Tasks", "related-list", 2, 2, 0, 0, 0), result.Modules.Single(m => m.Module == "Tasks"));
    }

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
    public async Task RunAsync_PrivacySettingsOff_CarriesOnAndRecordsIt()
    {
        var org = Org();
        org.Profile = org.Profile with { PrivacySettings = false };

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Access));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.False(result.PrivacySettings);
        Assert.Contains(org.Audits.SelectMany(a => a.Entries), e => e.Action == "resolve" && e.Outcome == "privacy-settings-off");
    }

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
    public async Task RunAsync_ThrottledWithRetryAfter_WaitsAtLeastRetryAfter()
    {
        var org = Org();
        org.Throttle = (name, _, attempt) => name == ActivityNames.ResolveOrg && attempt == 1 ? new ActivityThrottle(TimeSpan.FromSeconds(45), null) : null;

        var (result, context) = await RunAsync(org, Input(DsrRequestType.Access) with { Settings = Settings }, c => c.Guids.Enqueue(ThrottleBackoffTests.Jitter(0x80)));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.Equal([Start.AddSeconds(45)], context.Timers);
    }

    [Fact]
    public async Task RunAsync_ResolveOrgThrottled_BacksOffWithTheConfiguredSettings()
    {
        var org = Org();
        org.Throttle = (name, _, attempt) => name == ActivityNames.ResolveOrg && attempt == 1 ? new ActivityThrottle(TimeSpan.Zero, "TOO_MANY_REQUESTS") : null;

        var (_, context) = await RunAsync(org, Input(DsrRequestType.Access), c => c.Guids.Enqueue(ThrottleBackoffTests.Jitter(0x80)));

        Assert.Equal([Start.AddSeconds(2)], context.Timers); // 0.5 × the profile's 4 s, not the default 5 s
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
        Assert.Equal("FindRelated failed for module Calls", result.Error);
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

        var zohoCalls = org.Calls.Count(c => c.Name is not (ActivityNames.FinalizeExport or ActivityNames.WriteAudit or ActivityNames.SendCallback));
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
    public async Task RunAsync_ApprovalApproved_AwaitsWithDeadlineThenDeletes()
    {
        var org = Org();

        var (result, context) = await RunAsync(org, Input(DsrRequestType.Delete, approval: true), c => c.Approval = new ApprovalDecision(true, "dpo"));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.Equal([(EventNames.Approval, Settings.ApprovalTimeout)], context.EventWaits);
        var awaiting = Assert.Single(context.Statuses, s => s.Status == DsrStatus.AwaitingApproval);
        Assert.Equal(new DateTimeOffset(Start + Settings.ApprovalTimeout, TimeSpan.Zero), awaiting.ApprovalDeadline);
        Assert.Equal(7, awaiting.RecordsFound);
        Assert.Equal(7, org.Deleted.Count);
        Assert.Contains(org.Audits.SelectMany(a => a.Entries), e => e.Action == "approval" && e.Outcome == "approved");
    }

    [Fact]
    public async Task RunAsync_ApprovalRejected_CanceledNothingDeleted()
    {
        var org = Org();

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete, approval: true), c => c.Approval = new ApprovalDecision(false));

        Assert.Equal(DsrStatus.Canceled, result.Status);
        Assert.Equal("rejected", result.Error);
        Assert.Empty(org.InputsOf<DeleteBatchInput>(ActivityNames.DeleteBatch));
        Assert.Equal(7, Ids(result, RecordOutcomeKind.Found).Count());
    }

    [Fact]
    public async Task RunAsync_ApprovalDeadlinePasses_FailedNothingDeleted()
    {
        var org = Org();

        var (result, context) = await RunAsync(org, Input(DsrRequestType.Delete, approval: true));

        Assert.Equal(DsrStatus.Failed, result.Status);
        Assert.Equal("approval deadline passed", result.Error);
        Assert.Empty(org.Deleted);
        Assert.Equal(Start + Settings.ApprovalTimeout, result.CompletedAt!.Value.UtcDateTime);
        Assert.Equal(DsrStatus.Failed, context.Statuses[^1].Status);
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
    public async Task RunAsync_VerificationFindsSurvivor_RecordAndRequestFailed()
    {
        var org = Org();
        org.Survivors.Add("c2");

        var (result, context) = await RunAsync(org, Input(DsrRequestType.Delete));

        Assert.Equal(DsrStatus.Failed, result.Status);
        Assert.Equal(new RecordOutcome("Contacts", "c2", RecordOutcomeKind.Failed, "STILL_PRESENT"), result.Records.Single(r => r.RecordId == "c2"));
        Assert.Equal("1 of 7 records not deleted (STILL_PRESENT: 1)", result.Error);
        Assert.Equal(1, context.Statuses[^1].RecordsFailed);
        Assert.Equal(6, context.Statuses[^1].RecordsDeleted);
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
    public async Task RunAsync_Deleted_RecycleBinRetainedSixtyDaysFromCompletion()
    {
        var org = Org();

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete));

        Assert.Equal(result.CompletedAt!.Value.AddDays(60), result.RecycleBinRetainedUntil);
        Assert.False(result.RecycleBinPurged);
        Assert.Empty(org.InputsOf<PurgeRecycleBinInput>(ActivityNames.PurgeRecycleBin));
    }

    [Fact]
    public async Task RunAsync_PurgeOnApiV8_PurgesEveryDeletedRecord()
    {
        var org = Org();
        org.Found["Contacts"] = [.. Enumerable.Range(1, 150).Select(i => $"c{i:D3}")];

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete, purge: true));

        var purges = org.InputsOf<PurgeRecycleBinInput>(ActivityNames.PurgeRecycleBin).ToList();
        Assert.All(purges, p => Assert.InRange(p.RecordIds.Count, 1, 100));
        Assert.Equal(org.Deleted.Order(StringComparer.Ordinal), purges.SelectMany(p => p.RecordIds).Order(StringComparer.Ordinal));
        Assert.True(result.RecycleBinPurged);
    }

    [Fact]
    public async Task RunAsync_PurgeWithNotFoundRecords_PurgesThemBestEffort()
    {
        var org = Org();
        org.DeleteCodes["k2"] = "INVALID_DATA"; // e.g. deleted by an earlier attempt of the same batch
        org.PurgeFailures.Add("k2");

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete, purge: true));

        Assert.Contains("k2", org.InputsOf<PurgeRecycleBinInput>(ActivityNames.PurgeRecycleBin).SelectMany(p => p.RecordIds));
        Assert.True(result.RecycleBinPurged);
        Assert.NotNull(result.RecycleBinRetainedUntil);
    }

    [Fact]
    public async Task RunAsync_PurgeOnApiV2_NotAttempted()
    {
        var org = Org();
        org.Profile = org.Profile with { ApiVersion = 2 };

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete, purge: true));

        Assert.Empty(org.InputsOf<PurgeRecycleBinInput>(ActivityNames.PurgeRecycleBin));
        Assert.False(result.RecycleBinPurged);
        Assert.NotNull(result.RecycleBinRetainedUntil);
        Assert.Contains(org.Audits.SelectMany(a => a.Entries), e => e.Action == "purge" && e.Outcome == "not-supported");
    }

    [Fact]
    public async Task RunAsync_PurgePartlyFails_NotReportedPurged()
    {
        var org = Org();
        org.PurgeFailures.Add("k1");

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete, purge: true));

        Assert.False(result.RecycleBinPurged);
        Assert.Equal(DsrStatus.Completed, result.Status);
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

    [Fact]
    public async Task RunAsync_AuditWriteFails_RequestFailed()
    {
        var org = Org();
        org.Fail = (name, _, _) => name == ActivityNames.WriteAudit ? new IOException("storage down") : null;

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Access));

        Assert.Equal(DsrStatus.Failed, result.Status);
        Assert.Equal("WriteAudit failed", result.Error);
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

        await RunAsync(org, Input(DsrRequestType.Delete, purge: true, approval: true), c => c.Approval = new ApprovalDecision(true));

        var actions = org.Audits.SelectMany(a => a.Entries).Select(e => e.Action).Distinct().ToList();
        Assert.Equal(["resolve", "lookup", "coql", "related-list", "approval", "delete", "verify", "purge"], actions);
        var deleted = org.Audits.SelectMany(a => a.Entries).Where(e => e.Action == "delete").SelectMany(e => e.RecordIds ?? []).Order(StringComparer.Ordinal);
        Assert.Equal(org.Deleted.Order(StringComparer.Ordinal), deleted);
    }

    [Fact]
    public async Task RunAsync_Progress_ReportsPhasesAndCounts()
    {
        var org = Org();

        var (_, context) = await RunAsync(org, Input(DsrRequestType.Delete));

        var phases = context.Statuses.Select(s => s.Phase).Distinct().ToList();
        Assert.Equal(["resolve", "find", "related", "delete", "verify", "done"], phases);
        Assert.All(context.Statuses.Where(s => s.Phase != "resolve"), s => Assert.Equal(5, s.ModulesTotal));
        var last = context.Statuses[^1];
        Assert.Equal((DsrStatus.Completed, 7, 7, 0), (last.Status, last.RecordsFound, last.RecordsDeleted, last.RecordsFailed));
        Assert.Equal(5, context.Statuses.Last(s => s.Phase == "related").ModulesDone);
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
}
