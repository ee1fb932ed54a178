namespace ZohoDsr.Benchmarks.Harness;

/// <summary>One pass of the seed's scan over an org, filtering for several subjects at once.</summary>
public sealed record SeedScanResult(
    IReadOnlyList<ModuleScan> Modules,
    IReadOnlyDictionary<string, IReadOnlySet<(string Module, string Id)>> FoundByEmail,
    TimeSpan Wall,
    CallTally Calls)
{
    public int Pages => Modules.Sum(m => m.Pages);

    public IReadOnlyList<ModuleScan> Stopped => Modules.Where(m => m.StoppedBy is not null).ToList();
}
