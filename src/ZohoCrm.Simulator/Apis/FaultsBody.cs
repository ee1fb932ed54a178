namespace ZohoCrm.Simulator.Apis;

/// <summary>Body of <c>POST /__sim/orgs/{orgId}/faults</c>: the fields of <see cref="SimFaults"/> to set (absent ones unchanged) and rules to add.</summary>
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

    /// <summary>Clears rates, latency and rules before applying the rest of the body.</summary>
    public bool? Clear { get; init; }

    /// <summary>Clears the rules only.</summary>
    public bool? ClearRules { get; init; }

    /// <summary>Rules to add after the existing ones.</summary>
    public IReadOnlyList<FaultRuleBody>? Rules { get; init; }
}
