namespace ZohoDsr.Benchmarks;

/// <summary>The scenarios of this assembly, found by reflection, by name.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All() => typeof(IScenario).Assembly.GetTypes()
        .Where(t => typeof(IScenario).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (IScenario)Activator.CreateInstance(t)!)
        .OrderBy(s => s.Name, StringComparer.Ordinal)
        .ToList();

    public static IScenario Get(string name) => All().Single(s => s.Name == name);
}
