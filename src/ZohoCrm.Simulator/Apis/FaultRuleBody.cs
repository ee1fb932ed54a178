namespace ZohoCrm.Simulator.Apis;

/// <summary>One rule in <c>POST /__sim/orgs/{orgId}/faults</c>: the fields of <see cref="SimFaultRule"/>, the kind by name.</summary>
internal sealed record FaultRuleBody
{
    public string? Kind { get; init; }

    public string? Method { get; init; }

    public string? PathPattern { get; init; }

    public double? Probability { get; init; }

    public int? SkipFirst { get; init; }

    public int? MaxTimes { get; init; }

    public int? Seed { get; init; }
}
