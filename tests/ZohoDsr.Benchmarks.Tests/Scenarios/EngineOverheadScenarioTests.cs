namespace ZohoDsr.Benchmarks.Tests.Scenarios;

public sealed class EngineOverheadScenarioTests
{
    [Fact]
    public async Task RunAsync_QuickForm_MeasuresOverheadAndMemory()
    {
        (ScenarioReport report, string markdown) = await QuickRun.RunAsync("engine");

        Assert.Contains(report.Checks, c => c.Name == "overhead run 2 completes");
        Assert.Contains(report.Checks, c => c.Name == "in-flight requests complete");
        Assert.Contains("## Engine overhead", markdown, StringComparison.Ordinal);
        Assert.Contains("## Memory per request in flight", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("## The demo's wall time", markdown, StringComparison.Ordinal);
    }
}
