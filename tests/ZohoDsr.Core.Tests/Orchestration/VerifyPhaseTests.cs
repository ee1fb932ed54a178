using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Core.Tests.Replay;
using static ZohoDsr.Core.Tests.Orchestration.OrchestrationScenario;

namespace ZohoDsr.Core.Tests.Orchestration;

/// <summary>The verification (<see cref="VerifyPhase"/>) that deleted records are gone.</summary>
public sealed class VerifyPhaseTests
{
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
}
