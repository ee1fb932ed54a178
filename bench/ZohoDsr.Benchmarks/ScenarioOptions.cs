namespace ZohoDsr.Benchmarks;

/// <summary>How a scenario runs.</summary>
public sealed record ScenarioOptions
{
    /// <summary>The small form: the same code paths on the smallest sizes, so that CI can run every scenario in minutes.</summary>
    public bool Quick { get; init; }
}
