namespace ZohoDsr.Benchmarks;

/// <summary>
/// A benchmark scenario run by name (<c>dotnet run -c Release --project bench/ZohoDsr.Benchmarks -- NAME [--quick]</c>).
/// Implementations are found by reflection; they report through <see cref="ScenarioReport"/>.
/// </summary>
public interface IScenario
{
    /// <summary>The name given on the command line.</summary>
    string Name { get; }

    /// <summary>One line saying what it measures.</summary>
    string Description { get; }

    /// <summary>Runs the scenario: the full form, or with <see cref="ScenarioOptions.Quick"/> its small form (CI runs that one).</summary>
    Task RunAsync(ScenarioReport report, ScenarioOptions options, CancellationToken cancellationToken);
}
