using System.CommandLine;
using System.Text.Json;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Local.Cli.Commands;

/// <summary><c>approve</c>, <c>reject</c> and <c>cancel</c>: one signed POST / DELETE on a request.</summary>
public static class ActionCommand
{
    public static Command CreateApprove(TimeProvider timeProvider)
        => Create("approve", "Approve a delete request that awaits approval.", "Approval", timeProvider, (c, id, org, reason, ct) => c.DecideAsync(id, org, approve: true, reason, ct));

    public static Command CreateReject(TimeProvider timeProvider)
        => Create("reject", "Reject a delete request that awaits approval (nothing is deleted).", "Rejection", timeProvider, (c, id, org, reason, ct) => c.DecideAsync(id, org, approve: false, reason, ct));

    public static Command CreateCancel(TimeProvider timeProvider)
        => Create("cancel", "Cancel a running request.", "Cancellation", timeProvider, (c, id, org, reason, ct) => c.CancelAsync(id, org, reason, ct));

    private static Command Create(string name, string description, string noun, TimeProvider timeProvider, Func<DsrHostClient, string, string, string?, CancellationToken, Task<HostResponse>> send)
    {
        var target = new HostTargetOptions();
        var requestId = new Argument<string>("REQUEST_ID") { Description = "The request id given at submission." };
        var reason = new Option<string?>("--reason") { Description = "Why (recorded with the decision)." };
        var command = new Command(name, description + " The first decision on a request wins; later ones are refused (HTTP 409).");
        command.Add(requestId);
        target.AddTo(command);
        command.Add(reason);
        CliRunner.SetAction(command, async (parseResult, context, cancellationToken) =>
        {
            string id = parseResult.GetRequiredValue(requestId);
            string orgId = parseResult.GetRequiredValue(target.Org);
            using DsrHostClient client = target.CreateOperatorClient(parseResult, timeProvider);
            HostResponse response = (await send(client, id, orgId, parseResult.GetValue(reason), cancellationToken).ConfigureAwait(false)).EnsureSuccess($"{noun} of request {id}");
            if (context.Json)
            {
                context.Output.WriteLine(string.IsNullOrWhiteSpace(response.Body) ? "{}" : response.Body);
            }
            else
            {
                string? statusUri = TryRead(response)?.StatusUri;
                context.Output.WriteLine($"{noun} of request {id} accepted (HTTP {response.StatusCode}).");
                if (statusUri is not null)
                {
                    context.Output.WriteLine($"Status: {statusUri}");
                }
            }

            return ExitCodes.Ok;
        }, timeProvider);
        return command;
    }

    private static DsrActionAccepted? TryRead(HostResponse response)
    {
        try
        {
            return string.IsNullOrWhiteSpace(response.Body) ? null : JsonSerializer.Deserialize<DsrActionAccepted>(response.Body, DsrJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
