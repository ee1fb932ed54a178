namespace ZohoDsr.Benchmarks.Tests.Scenarios;

/// <summary>The simulator's own scenarios (seed-1m, sim-throughput), in their quick forms.</summary>
public sealed class SimulatorScenariosTests
{
    [Theory]
    [InlineData("seed-1m", "records/s")]
    [InlineData("sim-throughput", "requests/s")]
    public async Task RunAsync_QuickForm_WritesItsTable(string name, string column)
    {
        (_, string markdown) = await QuickRun.RunAsync(name);

        Assert.Contains(column, markdown, StringComparison.Ordinal);
    }
}
