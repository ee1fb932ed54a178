namespace ZohoDsr.Local.Cli.Demo;

/// <summary>One check of the demo's result against the simulator.</summary>
public sealed record DemoCheck(string Name, bool Passed, string Detail);
