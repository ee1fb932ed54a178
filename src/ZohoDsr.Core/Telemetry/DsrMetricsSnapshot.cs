namespace ZohoDsr.Core.Telemetry;

/// <summary>The state the gauges report, for every org the service knows.</summary>
public sealed record DsrMetricsSnapshot
{
    public static DsrMetricsSnapshot Empty { get; } = new();

    public IReadOnlyList<OrgMetricsSnapshot> Orgs { get; init; } = [];
}
