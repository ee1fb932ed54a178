using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Core.Tests.Replay;
using static ZohoDsr.Core.Tests.Orchestration.OrchestrationScenario;

namespace ZohoDsr.Core.Tests.Orchestration;

/// <summary>The find phase (<see cref="FindPhase"/>): the parent modules searched in parallel.</summary>
public sealed class FindPhaseTests
{
    [Fact]
    public async Task RunAsync_ParentsSearchedInParallel_OneWaveWithinBudget()
    {
        var org = Org();

        var (_, context) = await RunAsync(org, Input(DsrRequestType.Access));

        var findWave = context.Acquires[1];
        Assert.Equal(3, findWave.Permits);
        Assert.Equal(["Cases", "Contacts", "Leads"], org.InputsOf<FindInModuleInput>(ActivityNames.FindInModule).Select(i => i.Module.Module));
    }
}
