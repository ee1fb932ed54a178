namespace ZohoDsr.Local.Cli;

/// <summary>What a command writes to: stdout, stderr, whether to write JSON, and the clock it polls with.</summary>
public sealed record CliContext(TextWriter Output, TextWriter Error, bool Json, TimeProvider TimeProvider)
{
    /// <summary>True when the output is a terminal, where a progress line is rewritten in place.</summary>
    public bool Interactive => ReferenceEquals(Output, Console.Out) && !Console.IsOutputRedirected;
}
