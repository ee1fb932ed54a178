using ZohoCrm.Simulator;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.Tests.Support;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests.Activities;

public sealed class DeleteBatchHandlerTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Handle_MixedBatch_EachRecordItsOwnOutcome()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        string live = Insert(org, "Contacts");
        string locked = Insert(org, "Contacts");
        string gone = Insert(org, "Contacts");
        string bystander = Insert(org, "Contacts");
        org.LockRecord("Contacts", locked);
        await host.Get<DeleteBatchHandler>().HandleAsync(new DeleteBatchInput(org.OrgId, "r-0", "Contacts", [gone]), CancellationToken.None);

        DeleteBatchResult result = await host.Get<DeleteBatchHandler>()
            .HandleAsync(new DeleteBatchInput(org.OrgId, "r-1", "Contacts", [live, locked, gone]), CancellationToken.None);

        Assert.Null(result.Throttled);
        Assert.Equal(
            [
                new RecordOutcome("Contacts", live, RecordOutcomeKind.Deleted),
                new RecordOutcome("Contacts", locked, RecordOutcomeKind.Failed, "RECORD_LOCKED"),
                new RecordOutcome("Contacts", gone, RecordOutcomeKind.NotFound, "INVALID_DATA"),
            ],
            result.Outcomes);
        Assert.False(org.Exists("Contacts", live));
        Assert.True(org.Exists("Contacts", locked));
        Assert.True(org.Exists("Contacts", bystander));
        Assert.True(result.Spend.Calls >= 2);
        string audit = await File.ReadAllTextAsync(Path.Combine(host.ExportPath, org.OrgId, "r-1", "audit.jsonl"));
        Assert.Contains("\"zohoCode\":\"RECORD_LOCKED\"", audit, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"deleted\"", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_DeletedByAnEarlierAttemptWhoseAnswerWasLost_ReportedDeletedFromTheRecycleBin()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        DateTimeOffset received = TimeProvider.System.GetUtcNow();
        string ours = Insert(org, "Contacts");
        await host.Get<DeleteBatchHandler>().HandleAsync(new DeleteBatchInput(org.OrgId, "r-4", "Contacts", [ours]), CancellationToken.None);

        DeleteBatchResult retried = await host.Get<DeleteBatchHandler>()
            .HandleAsync(new DeleteBatchInput(org.OrgId, "r-4", "Contacts", [ours], received), CancellationToken.None);
        DeleteBatchResult later = await host.Get<DeleteBatchHandler>()
            .HandleAsync(new DeleteBatchInput(org.OrgId, "r-5", "Contacts", [ours], received.AddHours(1)), CancellationToken.None);

        Assert.Equal([new RecordOutcome("Contacts", ours, RecordOutcomeKind.Deleted)], retried.Outcomes);
        Assert.Equal([new RecordOutcome("Contacts", ours, RecordOutcomeKind.NotFound, "INVALID_DATA")], later.Outcomes);
        Assert.True(org.IsInRecycleBin("Contacts", ours));
    }

    [Fact]
    public async Task Handle_SameCallDeliveredTwice_AuditCountsEachRecordOnce()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        string first = Insert(org, "Contacts");
        string second = Insert(org, "Contacts");
        var input = new DeleteBatchInput(org.OrgId, "r-7", "Contacts", [first, second], TimeProvider.System.GetUtcNow()) { CallId = "i-7:4" };

        DeleteBatchResult delivered = await host.Get<DeleteBatchHandler>().HandleAsync(input, CancellationToken.None);
        DeleteBatchResult again = await host.Get<DeleteBatchHandler>().HandleAsync(input, CancellationToken.None); // at-least-once

        Assert.Equal(delivered.Outcomes, again.Outcomes);
        Assert.Equal(2, org.Counters.RecordsDeleted);
        string[] raw = await File.ReadAllLinesAsync(Path.Combine(host.ExportPath, org.OrgId, "r-7", "audit.jsonl"));
        Assert.Equal(4, raw.Count(l => l.Contains("\"action\":\"delete\"", StringComparison.Ordinal)));
        AuditTrail trail = await AuditTrail.ReadAsync(host.Get<IExportStore>(), org.OrgId, "r-7", CancellationToken.None);
        Assert.Equal([AuditOutcomes.Intent, AuditOutcomes.Deleted], trail.Entries.Select(e => e.Outcome));
        Assert.All(trail.Entries, line => Assert.Equal((ActivityNames.DeleteBatch, "i-7:4"), (line.Writer, line.CallId)));
        Assert.Empty(trail.OpenDeleteIntents("Contacts"));
        Assert.Equal(2, trail.Sum(AuditActions.Delete, AuditOutcomes.Deleted));
        Assert.Equal([("Contacts", first), ("Contacts", second)], trail.RecordIds(AuditActions.Delete, AuditOutcomes.Deleted).Order());
    }

    [Theory]
    [InlineData(FaultKind.LostAnswerDropConnection)]
    [InlineData(FaultKind.LostAnswerGatewayTimeout)]
    public async Task Handle_AnswerLost_ReconciledFromTheRecycleBinNotRepeatedBlindly(FaultKind lost)
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        DateTimeOffset received = TimeProvider.System.GetUtcNow();
        string first = Insert(org, "Contacts");
        string second = Insert(org, "Contacts");
        org.Faults.AddRule(new SimFaultRule { Kind = lost, Method = "DELETE", PathPattern = "/Contacts", MaxTimes = 1 });

        DeleteBatchResult result = await host.Get<DeleteBatchHandler>()
            .HandleAsync(new DeleteBatchInput(org.OrgId, "r-6", "Contacts", [first, second], received), CancellationToken.None);

        Assert.Equal(
            [new RecordOutcome("Contacts", first, RecordOutcomeKind.Deleted), new RecordOutcome("Contacts", second, RecordOutcomeKind.Deleted)],
            result.Outcomes);
        Assert.Equal(2, org.Counters.RecordsDeleted);
        Assert.True(org.IsInRecycleBin("Contacts", first) && org.IsInRecycleBin("Contacts", second));
    }

    [Fact]
    public async Task Handle_AnswerLostTwiceTheSecondDeleteApplied_ReportedDeleted()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        DateTimeOffset received = TimeProvider.System.GetUtcNow();
        string id = Insert(org, "Leads");
        // The first delete never arrives (its connection drops), the second is applied and its answer lost.
        org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.DropConnection, Method = "DELETE", MaxTimes = 1 });
        org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.LostAnswerGatewayTimeout, Method = "DELETE", MaxTimes = 1 });

        DeleteBatchResult result = await host.Get<DeleteBatchHandler>()
            .HandleAsync(new DeleteBatchInput(org.OrgId, "r-11", "Leads", [id], received), CancellationToken.None);

        Assert.Equal([new RecordOutcome("Leads", id, RecordOutcomeKind.Deleted)], result.Outcomes);
        Assert.True(org.IsInRecycleBin("Leads", id));
        Assert.Equal(1, org.Counters.RecordsDeleted);
    }

    [Fact]
    public async Task Handle_EveryDeleteAnswerLostAndNoneApplied_FailedOutcomeUnknownAfterThreeCalls()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        string id = Insert(org, "Leads");
        org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.DropConnection, Method = "DELETE" });

        DeleteBatchResult result = await host.Get<DeleteBatchHandler>()
            .HandleAsync(new DeleteBatchInput(org.OrgId, "r-12", "Leads", [id], TimeProvider.System.GetUtcNow()), CancellationToken.None);

        Assert.Equal([new RecordOutcome("Leads", id, RecordOutcomeKind.Failed, DeleteBatchHandler.OutcomeUnknownCode)], result.Outcomes);
        Assert.Equal(DeleteBatchHandler.LostAnswerAttempts, org.Faults.Rules[0].Fired);
        org.Faults.Clear();
        Assert.True(org.Exists("Leads", id));
    }

    [Fact]
    public async Task Handle_MoreThan100Ids_ThrowsBeforeCallingZoho()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        string[] ids = Enumerable.Range(0, 101).Select(i => (3277650000000000000L + i).ToString()).ToArray();

        await Assert.ThrowsAsync<ArgumentException>(() => host.Get<DeleteBatchHandler>().HandleAsync(new DeleteBatchInput(org.OrgId, "r-2", "Contacts", ids), CancellationToken.None));
        Assert.Equal(0, org.Counters.TotalCalls);
    }

    [Fact]
    public async Task Handle_Zoho429_ReturnsThrottleAndDeletesNothing()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        string id = Insert(org, "Calls");
        org.Faults.Rate429 = 1;

        DeleteBatchResult result = await host.Get<DeleteBatchHandler>().HandleAsync(new DeleteBatchInput(org.OrgId, "r-3", "Calls", [id]), CancellationToken.None);

        Assert.Equal("TOO_MANY_REQUESTS", result.Throttled?.ZohoCode);
        Assert.Empty(result.Outcomes);
        org.Faults.Clear();
        Assert.True(org.Exists("Calls", id));
    }

    [Fact]
    public async Task Handle_RefreshTokenRevokedAtTheDelete_ReturnsTheFaultAtOnceAndDeletesNothing()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        string id = Insert(org, "Contacts");
        org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.RevokeRefreshTokens, Method = "DELETE", MaxTimes = 1 });

        DeleteBatchResult result = await host.Get<DeleteBatchHandler>().HandleAsync(new DeleteBatchInput(org.OrgId, "r-7", "Contacts", [id]), CancellationToken.None);

        Assert.Equal(new ActivityFault(ActivityFaultCodes.InvalidCode), result.Fault);
        Assert.Null(result.Throttled);
        Assert.Empty(result.Outcomes);
        Assert.True(org.Exists("Contacts", id));
        string audit = await File.ReadAllTextAsync(Path.Combine(host.ExportPath, org.OrgId, "r-7", "audit.jsonl"));
        Assert.Contains("\"outcome\":\"failed\",\"zohoCode\":\"invalid_code\"", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_ZohoUnreachableAfterTheDelete_ThrowsAFaultNamingTheCode()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        string id = Insert(org, "Contacts");
        // The delete is lost and so is every read that would reconcile it: nothing can tell what happened.
        org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.LostAnswerGatewayTimeout, Method = "DELETE" });
        org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.ServiceUnavailable, Method = "GET" });
        org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.ServiceUnavailable, Method = "POST" });

        ActivityFaultException ex = await Assert.ThrowsAsync<ActivityFaultException>(
            () => host.Get<DeleteBatchHandler>().HandleAsync(new DeleteBatchInput(org.OrgId, "r-8", "Contacts", [id]), CancellationToken.None));

        Assert.Equal("HTTP_503", ex.Fault.Code);
        Assert.Equal(ex.Fault, ActivityFault.FromFailure(typeof(ActivityFaultException).FullName, ex.Message));
    }

    [Fact]
    public async Task Handle_StoppedBetweenIntentAndOutcome_RedeliveryReconcilesWithoutSendingTheDeleteAgain()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        string deleted = Insert(org, "Contacts");
        string kept = Insert(org, "Contacts");
        var input = new DeleteBatchInput(org.OrgId, "r-9", "Contacts", [deleted], TimeProvider.System.GetUtcNow()) { CallId = "i-9:3" };
        // The first delivery: the delete is applied, its answer lost, and every read that would reconcile it fails: the
        // activity stops after writing the intent and before writing any outcome, as a crash would leave it.
        org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.LostAnswerDropConnection, Method = "DELETE" });
        org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.ServiceUnavailable, Method = "GET" });
        org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.ServiceUnavailable, Method = "POST" });
        await Assert.ThrowsAsync<ActivityFaultException>(() => host.Get<DeleteBatchHandler>().HandleAsync(input, CancellationToken.None));
        AuditTrail stopped = await AuditTrail.ReadAsync(host.Get<IExportStore>(), org.OrgId, "r-9", CancellationToken.None);
        Assert.Equal([deleted], stopped.OpenDeleteIntents("Contacts").Keys);
        Assert.False(org.Exists("Contacts", deleted));

        // The redelivery (and a second batch naming a record with no open intent): a delete sent now would revoke the token.
        org.Faults.Clear();
        org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.RevokeRefreshTokens, Method = "DELETE" });
        DeleteBatchResult result = await host.Get<DeleteBatchHandler>().HandleAsync(input, CancellationToken.None);

        Assert.Null(result.Fault);
        Assert.Equal([new RecordOutcome("Contacts", deleted, RecordOutcomeKind.Deleted)], result.Outcomes);
        AuditTrail trail = await AuditTrail.ReadAsync(host.Get<IExportStore>(), org.OrgId, "r-9", CancellationToken.None);
        Assert.Empty(trail.OpenDeleteIntents("Contacts"));
        Assert.Equal([("Contacts", deleted)], trail.RecordIds(AuditActions.Delete, AuditOutcomes.Deleted));
        Assert.Single(trail.Entries, e => e.Outcome == AuditOutcomes.Intent);
        Assert.True(org.Exists("Contacts", kept));
    }

    [Fact]
    public async Task Handle_OpenIntentRecordStillThere_SentAndDeleted()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        string id = Insert(org, "Contacts");
        var input = new DeleteBatchInput(org.OrgId, "r-10", "Contacts", [id], TimeProvider.System.GetUtcNow()) { CallId = "i-10:3" };
        // The first delivery stops after its intent, before the delete reaches Zoho.
        org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.ServiceUnavailable, Method = "DELETE" });
        org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.ServiceUnavailable, Method = "GET" });
        org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.ServiceUnavailable, Method = "POST" });
        await Assert.ThrowsAsync<ActivityFaultException>(() => host.Get<DeleteBatchHandler>().HandleAsync(input, CancellationToken.None));
        Assert.True(org.Exists("Contacts", id));
        org.Faults.ClearRules();

        DeleteBatchResult result = await host.Get<DeleteBatchHandler>().HandleAsync(input, CancellationToken.None);

        Assert.Equal([new RecordOutcome("Contacts", id, RecordOutcomeKind.Deleted)], result.Outcomes);
        Assert.False(org.Exists("Contacts", id));
        Assert.Equal(1, org.Counters.RecordsDeleted);
        AuditTrail trail = await AuditTrail.ReadAsync(host.Get<IExportStore>(), org.OrgId, "r-10", CancellationToken.None);
        Assert.Empty(trail.OpenDeleteIntents("Contacts"));
    }

    internal static string Insert(SimOrg org, string module)
        => org.InsertRecord(module, module is "Contacts" or "Leads"
            ? new Dictionary<string, object?> { ["Last_Name"] = "Del" + Guid.NewGuid().ToString("N")[..6] }
            : new Dictionary<string, object?> { ["Subject"] = "S" + Guid.NewGuid().ToString("N")[..6] });
}
