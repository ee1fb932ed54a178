namespace ZohoDsr.Benchmarks.Harness;

/// <summary>A subject the bench planted: its email and the ids of its records by module.</summary>
public sealed record PlantedSubjectRecords(string Email, SubjectShape Shape, IReadOnlyDictionary<string, IReadOnlyList<string>> IdsByModule)
{
    public IReadOnlyList<string> ContactIds => IdsByModule.GetValueOrDefault("Contacts") ?? [];

    public int Total => IdsByModule.Values.Sum(ids => ids.Count);

    /// <summary>Every planted (module, id).</summary>
    public IReadOnlySet<(string Module, string Id)> All => IdsByModule.SelectMany(p => p.Value.Select(id => (p.Key, id))).ToHashSet();

    /// <summary>The planted records in <paramref name="modules"/>.</summary>
    public IReadOnlySet<(string Module, string Id)> In(IEnumerable<string> modules)
    {
        var set = modules.ToHashSet(StringComparer.Ordinal);
        return All.Where(r => set.Contains(r.Module)).ToHashSet();
    }
}
