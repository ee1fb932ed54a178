namespace ZohoDsr.Infra.Tests;

/// <summary>The outcome of one Bicep CLI invocation.</summary>
public sealed record BicepRun(IReadOnlyList<string> Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The diagnostic lines (errors, warnings, infos) the CLI wrote, which go to standard error.</summary>
    public IReadOnlyList<string> Diagnostics =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() =>
        $"bicep {string.Join(' ', Arguments)} exited {ExitCode}{Environment.NewLine}{StandardOutput}{StandardError}";
}
