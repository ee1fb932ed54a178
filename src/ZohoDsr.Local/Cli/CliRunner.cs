using System.CommandLine;
using ZohoCrm.Client;
using ZohoDsr.Local.Hosting;

namespace ZohoDsr.Local.Cli;

/// <summary>Runs a command's action: builds its <see cref="CliContext"/>, turns every failure into one stderr line and an exit code.</summary>
public static class CliRunner
{
    public static void SetAction(Command command, Func<ParseResult, CliContext, CancellationToken, Task<int>> action, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(action);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var context = new CliContext(
                parseResult.InvocationConfiguration.Output,
                parseResult.InvocationConfiguration.Error,
                parseResult.GetValue(LocalCli.JsonOption),
                timeProvider);
            try
            {
                return await action(parseResult, context, cancellationToken).ConfigureAwait(false);
            }
            catch (CliException ex)
            {
                await context.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
                return ex.ExitCode;
            }
            catch (LocalHostException ex)
            {
                await context.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (ZohoApiException ex)
            {
                await context.Error.WriteLineAsync($"error: Zoho answered HTTP {ex.Status} {ex.Code}: {ex.Message}".ReplaceLineEndings(" ")).ConfigureAwait(false);
                return ex.Status == 0 || ex.Status >= 500 ? ExitCodes.Unreachable : ExitCodes.Failed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await context.Error.WriteLineAsync("error: canceled.").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                await context.Error.WriteLineAsync($"error: {ex.GetType().Name}: {ex.Message}".ReplaceLineEndings(" ")).ConfigureAwait(false);
                return ExitCodes.Failed;
            }
        });
    }
}
