namespace ZohoDsr.Benchmarks.Tests.Scenarios;

public sealed class ThroughputScenarioTests
{
    [Fact]
    public async Task RunAsync_QuickForm_EveryBatchCompletesUnderTheGatesCap()
    {
        (ScenarioReport report, string markdown) = await QuickRun.RunAsync("throughput");

        Assert.Contains(report.Checks, c => c.Name == "3 orgs x10 complete");
        Assert.Contains(report.Checks, c => c.Name == "Standard x10 under the gate's cap");
        Assert.Contains(report.Checks, c => c.Name == "3 orgs x10 under the gate's cap");
        Assert.Contains("| requests/min |", markdown, StringComparison.Ordinal);
    }
}
