using ZohoDsr.Local.Cli;

namespace ZohoDsr.Local.Tests.Cli;

/// <summary>Runs the CLI in process with captured stdout / stderr.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static Task<CliRun> InvokeAsync(params string[] args) => InvokeWithInputAsync(string.Empty, args);

    /// <summary>Runs with <paramref name="stdin"/> as what the command reads from standard input.</summary>
    public static async Task<CliRun> InvokeWithInputAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin);
        int exitCode = await LocalCli.InvokeAsync(args, output, error, input);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
