namespace ZohoDsr.Benchmarks;

/// <summary>
/// A benchmark scenario run by name (<c>dotnet run -c Release --project bench/ZohoDsr.Benchmarks -- NAME</c>).
/// Implementations are found by reflection; they report through <see cref="ScenarioReport"/>.
/// </summary>
public interface IScenario
{
    /// <summary>The name given on the command line.</summary>
    string Name { get; }

    /// <summary>One line saying what it measures.</summary>
    string Description { get; }

    Task RunAsync(ScenarioReport report, CancellationToken cancellationToken);
}
