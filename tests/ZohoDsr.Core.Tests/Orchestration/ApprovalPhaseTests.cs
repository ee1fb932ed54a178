using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Core.Tests.Replay;
using static ZohoDsr.Core.Tests.Orchestration.OrchestrationScenario;

namespace ZohoDsr.Core.Tests.Orchestration;

/// <summary>The approval gate (<see cref="ApprovalPhase"/>) of a delete with <c>requireApproval</c>.</summary>
public sealed class ApprovalPhaseTests
{
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
}
