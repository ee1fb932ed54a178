using System.CommandLine;
using ZohoDsr.Local.Cli.Commands;

namespace ZohoDsr.Local.Cli;

/// <summary>The command line: the host by default (also <c>serve</c>), and <c>demo</c>, <c>submit</c>, <c>status</c>, <c>list</c>, <c>approve</c>, <c>reject</c>, <c>cancel</c>, <c>extend</c>, <c>auth</c>.</summary>
public static class LocalCli
{
    /// <summary><c>--json</c>: machine-readable output on every command.</summary>
    public static Option<bool> JsonOption { get; } = new("--json")
    {
        Description = "Write one JSON document to stdout instead of text.",
        Recursive = true,
    };

    public static RootCommand CreateRootCommand(TimeProvider? timeProvider = null, TextReader? input = null)
    {
        TimeProvider time = timeProvider ?? TimeProvider.System;
        var root = new RootCommand(
            "ZohoDsr local host and CLI: privacy data subject requests (access, delete) against Zoho CRM. "
            + "Without a command it runs the host; without configuration, against an in-process simulated org.\n"
            + "Exit codes: 0 ok, 1 request failed or check failed, 2 usage or validation error, 3 cannot reach the host or Zoho.");
        root.Add(JsonOption);
        ServeCommand.Configure(root, time);
        root.Add(ServeCommand.Create(time));
        root.Add(DemoCommand.Create(time));
        root.Add(SubmitCommand.Create(time));
        root.Add(StatusCommand.Create(time));
        root.Add(ListCommand.Create(time));
        root.Add(ActionCommand.CreateApprove(time));
        root.Add(ActionCommand.CreateReject(time));
        root.Add(ActionCommand.CreateCancel(time));
        root.Add(ExtendCommand.Create(time));
        root.Add(AuthCommand.Create(time, input));
        return root;
    }

    /// <summary>
    /// Parses and runs. Parse errors go to <paramref name="error"/> with exit code 2. When <paramref name="output"/> is null
    /// the console is used and Ctrl+C cancels the command (the host then stops cleanly).
    /// </summary>
    public static async Task<int> InvokeAsync(IReadOnlyList<string> args, TextWriter? output = null, TextWriter? error = null, TextReader? input = null, CancellationToken cancellationToken = default)
    {
        RootCommand root = CreateRootCommand(input: input);
        ParseResult parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = output is null ? TimeSpan.FromSeconds(30) : null,
        };

        if (parseResult.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError parseError in parseResult.Errors)
            {
                await configuration.Error.WriteLineAsync("error: " + parseError.Message).ConfigureAwait(false);
            }

            await configuration.Error.WriteLineAsync("Run with --help for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
