using BenchmarkDotNet.Attributes;
using ZohoCrm.Simulator.Model;
using ZohoCrm.Simulator.Storage;

namespace ZohoDsr.Benchmarks.Micro;

/// <summary>Search's "contains" over 100,000 distinct emails: trigram index against a linear scan (baseline).</summary>
[MemoryDiagnoser]
public class EmailIndexBenchmark
{
    private readonly EmailIndex _index = new();
    private readonly List<string> _values = [];

    [GlobalSetup]
    public void Setup()
    {
        var schema = Schemas.ByName[Schemas.Leads];
        for (var i = 0; i < 100_000; i++)
        {
            var email = $"person.number{i}@example{i % 7}.com";
            _values.Add(email);
            _index.Add(email, new SimRecord(schema, i + 1, 0, 0, new object?[schema.SlotCount]));
        }
    }

    [Benchmark(Baseline = true)]
    public int LinearScan() => _values.Count(v => v.Contains("person.number4242@", StringComparison.Ordinal));

    [Benchmark]
    public int TrigramIndex()
    {
        var found = new List<SimRecord>();
        _index.Contains("person.number4242@", found);
        return found.Count;
    }
}
