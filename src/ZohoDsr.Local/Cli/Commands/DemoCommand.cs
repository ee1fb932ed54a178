using System.CommandLine;
using ZohoDsr.Local.Cli.Demo;
using ZohoDsr.Local.Hosting;

namespace ZohoDsr.Local.Cli.Commands;

/// <summary><c>demo</c>: access, delete dry run and delete for a planted subject, against an in-process simulator.</summary>
public static class DemoCommand
{
    public static Command Create(TimeProvider timeProvider)
    {
        var exportPath = new Option<string?>("--export-path") { Description = "Where exports go (default ./.local-exports)." };
        var command = new Command("demo", "Run an access and a delete request (dry run, then real) against a simulated Zoho CRM org and check the result.");
        command.Add(exportPath);
        CliRunner.SetAction(command, async (parseResult, context, cancellationToken) =>
        {
            DemoReport report = await RunAsync(DemoScenario.CreateHostOptions(parseResult.GetValue(exportPath), timeProvider), context, cancellationToken).ConfigureAwait(false);
            return report.Passed ? ExitCodes.Ok : ExitCodes.Failed;
        }, timeProvider);
        return command;
    }

    public static async Task<DemoReport> RunAsync(LocalHostOptions options, CliContext context, CancellationToken cancellationToken)
    {
        LocalHost host = await LocalHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
        await using (host.ConfigureAwait(false))
        {
            return await DemoScenario.RunAsync(host, context, cancellationToken).ConfigureAwait(false);
        }
    }
}
