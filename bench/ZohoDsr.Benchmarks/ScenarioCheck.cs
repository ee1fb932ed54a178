namespace ZohoDsr.Benchmarks;

/// <summary>One thing a scenario checked on its own results.</summary>
public sealed record ScenarioCheck(string Name, bool Passed, string Detail);
