using ZohoCrm.Simulator;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Tests.Support;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests.Activities;

public sealed class VerifyDeletedHandlerTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Handle_SomeStillThere_ReportsExactlyThose()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        string deleted = DeleteBatchHandlerTests.Insert(org, "Tasks");
        string kept = DeleteBatchHandlerTests.Insert(org, "Tasks");
        await host.Get<DeleteBatchHandler>().HandleAsync(new DeleteBatchInput(org.OrgId, "r-1", "Tasks", [deleted]), CancellationToken.None);

        VerifyDeletedResult result = await host.Get<VerifyDeletedHandler>().HandleAsync(new VerifyDeletedInput(org.OrgId, "r-1", "Tasks", [deleted, kept]), CancellationToken.None);

        Assert.Equal([kept], result.StillPresentIds);
        Assert.Equal(1, result.Spend.Calls);
    }

    [Fact]
    public async Task Handle_Zoho429_ReturnsThrottle()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        org.Faults.Rate429 = 1;

        VerifyDeletedResult result = await host.Get<VerifyDeletedHandler>().HandleAsync(new VerifyDeletedInput(org.OrgId, "r-2", "Tasks", ["3277650000000000001"]), CancellationToken.None);

        Assert.NotNull(result.Throttled);
        Assert.Empty(result.StillPresentIds);
    }
}
