using ZohoDsr.Local.Cli;

namespace ZohoDsr.Local.Tests.Cli;

/// <summary>Runs the CLI in process with captured stdout / stderr.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await LocalCli.InvokeAsync(args, output, error, input: TextReader.Null);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
