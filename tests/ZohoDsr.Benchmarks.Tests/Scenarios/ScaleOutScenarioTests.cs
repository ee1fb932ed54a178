namespace ZohoDsr.Benchmarks.Tests.Scenarios;

public sealed class ScaleOutScenarioTests
{
    [Fact]
    public async Task RunAsync_QuickForm_OneAndTwoHostsCompleteAndTheGateHolds()
    {
        (ScenarioReport report, string markdown) = await QuickRun.RunAsync("scale-out");

        Assert.Contains(report.Checks, c => c.Name == "2 host(s): the gate's cap holds");
        Assert.Contains("Two hosts:", markdown, StringComparison.Ordinal);
    }
}
