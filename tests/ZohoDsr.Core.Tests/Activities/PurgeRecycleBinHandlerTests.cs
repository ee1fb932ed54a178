using ZohoCrm.Simulator;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Tests.Support;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests.Activities;

public sealed class PurgeRecycleBinHandlerTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Handle_DeletedRecords_PurgedFromRecycleBin()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        string id = DeleteBatchHandlerTests.Insert(org, "Leads");
        await host.Get<DeleteBatchHandler>().HandleAsync(new DeleteBatchInput(org.OrgId, "r-1", "Leads", [id]), CancellationToken.None);
        Assert.True(org.IsInRecycleBin("Leads", id));

        DeleteBatchResult result = await host.Get<PurgeRecycleBinHandler>().HandleAsync(new PurgeRecycleBinInput(org.OrgId, "r-1", [id]), CancellationToken.None);

        Assert.Equal([new RecordOutcome("recycle_bin", id, RecordOutcomeKind.Deleted)], result.Outcomes);
        Assert.False(org.IsInRecycleBin("Leads", id));
    }

    [Fact]
    public async Task Handle_ApiV2_NotSupportedWithoutCalls()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org], version: "V2");

        DeleteBatchResult result = await host.Get<PurgeRecycleBinHandler>().HandleAsync(new PurgeRecycleBinInput(org.OrgId, "r-2", ["3277650000000000001"]), CancellationToken.None);

        Assert.Equal([new RecordOutcome("recycle_bin", "3277650000000000001", RecordOutcomeKind.Failed, "NOT_SUPPORTED")], result.Outcomes);
        Assert.Equal(0, org.Counters.TotalCalls);
    }
}
