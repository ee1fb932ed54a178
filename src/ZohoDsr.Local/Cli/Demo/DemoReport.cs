using ZohoDsr.Core.Http;

namespace ZohoDsr.Local.Cli.Demo;

/// <summary>What the demo did and found (its <c>--json</c> output).</summary>
public sealed record DemoReport
{
    public required string OrgId { get; init; }
    public required string SubjectName { get; init; }
    public required string SubjectEmail { get; init; }
    public required int SeededRecords { get; init; }

    /// <summary>The planted subject's records per module, as the simulator planted them.</summary>
    public required IReadOnlyDictionary<string, int> PlantedRecords { get; init; }

    public required DsrStatusView Access { get; init; }
    public required DsrStatusView DryRun { get; init; }
    public required DsrStatusView Delete { get; init; }

    /// <summary>Records the simulator deleted during the demo (its counter).</summary>
    public required long SimulatorRecordsDeleted { get; init; }

    public required IReadOnlyList<DemoCheck> Checks { get; init; }
    public required TimeSpan Elapsed { get; init; }

    public bool Passed => Checks.All(c => c.Passed);
}
