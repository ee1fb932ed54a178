namespace ZohoDsr.Benchmarks.Tests;

public sealed class ScenarioCatalogTests
{
    [Fact]
    public void All_Scenarios_AreFoundByUniqueNames()
    {
        var names = ScenarioCatalog.All().Select(s => s.Name).ToList();

        Assert.Equal(names.Distinct(StringComparer.Ordinal).Count(), names.Count);
        Assert.Equal(["cost", "engine", "scale-out", "seed-1m", "sim-throughput", "soak", "throughput"], names);
    }
}
