using System.CommandLine;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Local.Cli.Commands;

/// <summary><c>status REQUEST_ID</c>: a request's status, progress and (when finished) its summary.</summary>
public static class StatusCommand
{
    public static Command Create(TimeProvider timeProvider)
    {
        var target = new HostTargetOptions();
        var requestId = new Argument<string>("REQUEST_ID") { Description = "The request id given at submission." };
        var wait = new Option<bool>("--wait") { Description = "Follow the status until the request finishes." };
        var command = new Command("status", "Show a request's status.");
        command.Add(requestId);
        target.AddTo(command);
        command.Add(wait);
        CliRunner.SetAction(command, async (parseResult, context, cancellationToken) =>
        {
            string id = parseResult.GetRequiredValue(requestId);
            string orgId = parseResult.GetRequiredValue(target.Org);
            using DsrHostClient client = target.CreateClient(parseResult, timeProvider);
            DsrStatusView view = parseResult.GetValue(wait)
                ? await SubmitCommand.FollowAsync(client, id, orgId, context, cancellationToken).ConfigureAwait(false)
                : (await client.GetStatusAsync(id, orgId, cancellationToken).ConfigureAwait(false)).EnsureSuccess("Reading the status").Read<DsrStatusView>();
            if (context.Json)
            {
                RequestReport.WriteJson(context, view);
            }
            else
            {
                RequestReport.WriteText(context, view);
            }

            return RequestReport.ExitCodeOf(view);
        }, timeProvider);
        return command;
    }
}
