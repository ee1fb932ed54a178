namespace ZohoCrm.Simulator.Apis;

/// <summary>Body of <c>POST /__sim/orgs/{orgId}/faults</c>: the fields of <see cref="SimFaults"/> to set (absent ones unchanged).</summary>
internal sealed record FaultsBody
{
    public TimeSpan? LatencyMin { get; init; }

    public TimeSpan? LatencyMax { get; init; }

    public double? LatencyMinMs { get; init; }

    public double? LatencyMaxMs { get; init; }

    public double? Rate429 { get; init; }

    public double? Rate500 { get; init; }

    public double? Rate503 { get; init; }

    public double? RateTimeout { get; init; }

    public double? RateDropConnection { get; init; }

    public bool? Clear { get; init; }
}
