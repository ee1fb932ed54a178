using System.CommandLine;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Cli.Rendering;

namespace ZohoDsr.Local.Cli.Commands;

/// <summary><c>submit</c>: sends a signed webhook to a running host and, with <c>--wait</c>, follows it to the end.</summary>
public static class SubmitCommand
{
    /// <summary>Environment variable with the webhook signing secret (instead of <c>--secret</c>).</summary>
    public const string SecretVariable = HostTargetOptions.SecretVariable;

    public static Command Create(TimeProvider timeProvider)
    {
        var target = new HostTargetOptions();
        var type = new Option<DsrRequestType>("--type") { Description = "access or delete.", Required = true, CustomParser = ParseType };
        var email = new Option<string>("--email") { Description = "The data subject's email address.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Delete only: report what would be deleted, delete nothing." };
        var requireApproval = new Option<bool>("--require-approval") { Description = "Delete only: wait for approve / reject before deleting." };
        var purge = new Option<bool>("--purge-recycle-bin") { Description = "Delete only: also purge the records from Zoho's recycle bin (API v7+)." };
        var modules = new Option<string[]>("--module") { Description = "A module to work on (repeat); default: the org's configured modules.", AllowMultipleArgumentsPerToken = true };
        var requestId = new Option<string?>("--request-id") { Description = "The request id (default: generated)." };
        var callbackUrl = new Option<Uri?>("--callback-url") { CustomParser = UriArgument.Parse, Description = "Where the host POSTs the signed summary when done." };
        var receivedAt = new Option<DateTimeOffset?>("--received-at") { Description = "When the person made the request (ISO 8601 with an offset); the due date counts from it. Default: now." };
        var regime = new Option<DeadlineRegimeKind?>("--regime") { Description = "The due-date rules: gdpr, ccpa or custom. Default: the host's ZohoDsr:Deadlines:Regime." };
        var wait = new Option<bool>("--wait") { Description = "Follow the request's status until it finishes, with a progress bar." };

        var command = new Command("submit", "Send a signed DSR webhook to a running host.");
        command.Add(type);
        command.Add(email);
        target.AddTo(command);
        command.Add(dryRun);
        command.Add(requireApproval);
        command.Add(purge);
        command.Add(modules);
        command.Add(requestId);
        command.Add(callbackUrl);
        command.Add(receivedAt);
        command.Add(regime);
        command.Add(wait);

        CliRunner.SetAction(command, async (parseResult, context, cancellationToken) =>
        {
            string signingSecret = target.SigningSecret(parseResult)
                ?? throw new CliException(ExitCodes.Usage, $"--secret is required: the local host prints its signing secret at start (or set {SecretVariable}).");
            string[] selected = parseResult.GetValue(modules) ?? [];
            var request = new DsrRequest
            {
                RequestId = parseResult.GetValue(requestId) ?? NewRequestId(timeProvider),
                Type = parseResult.GetValue(type),
                Subject = new DsrSubject { Email = parseResult.GetValue(email) },
                OrgId = parseResult.GetValue(target.Org),
                Modules = selected.Length > 0 ? selected : null,
                DryRun = parseResult.GetValue(dryRun) ? true : null,
                RequireApproval = parseResult.GetValue(requireApproval) ? true : null,
                PurgeRecycleBin = parseResult.GetValue(purge) ? true : null,
                CallbackUrl = parseResult.GetValue(callbackUrl),
                ReceivedAt = parseResult.GetValue(receivedAt),
                Regime = parseResult.GetValue(regime),
            };

            using DsrHostClient client = target.CreateClient(parseResult, timeProvider);
            return await RunAsync(client, request, signingSecret, parseResult.GetValue(wait), context, cancellationToken).ConfigureAwait(false);
        }, timeProvider);
        return command;
    }

    /// <summary>Submits and, when asked, waits; writes the outcome; returns the exit code.</summary>
    public static async Task<int> RunAsync(DsrHostClient client, DsrRequest request, string secret, bool wait, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        HostResponse response = (await client.SubmitAsync(DsrHostClient.SerializeRequest(request), secret, cancellationToken).ConfigureAwait(false))
            .EnsureSuccess("Submitting the request");
        DsrManagementUris accepted = response.Read<DsrManagementUris>();
        if (!wait)
        {
            if (context.Json)
            {
                RequestReport.WriteJson(context, accepted);
            }
            else
            {
                string how = response.StatusCode == 200 ? "already known (not started again)" : "accepted";
                context.Output.WriteLine($"Request {request.RequestId} {how}: instance {accepted.Id}");
                context.Output.WriteLine($"Status: {accepted.StatusUri}");
            }

            return ExitCodes.Ok;
        }

        if (!context.Json)
        {
            context.Output.WriteLine($"Request {request.RequestId} accepted (instance {accepted.Id}); following {accepted.StatusUri}");
        }

        DsrStatusView final = await FollowAsync(client, request.RequestId!, request.OrgId!, context, cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            RequestReport.WriteJson(context, final);
        }
        else
        {
            RequestReport.WriteText(context, final);
        }

        return RequestReport.ExitCodeOf(final);
    }

    /// <summary>Polls the status with a progress line until the request finishes.</summary>
    public static async Task<DsrStatusView> FollowAsync(DsrHostClient client, string requestId, string orgId, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(context);
        var progress = new ProgressLine(context);
        bool approvalHinted = false;
        DsrStatusView final = await client.WaitAsync(
            requestId,
            orgId,
            view =>
            {
                if (context.Json)
                {
                    return;
                }

                progress.Update(view);
                if (view.Status == DsrStatus.AwaitingApproval && !approvalHinted)
                {
                    approvalHinted = true;
                    progress.Complete();
                    context.Output.WriteLine($"Awaiting approval: run `approve {requestId} --org {orgId}` or `reject {requestId} --org {orgId}`.");
                }
            },
            TimeSpan.FromMilliseconds(250),
            cancellationToken).ConfigureAwait(false);
        if (!context.Json)
        {
            progress.Complete();
        }

        return final;
    }

    public static string NewRequestId(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return $"cli-{timeProvider.GetUtcNow():yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
    }

    private static DsrRequestType ParseType(System.CommandLine.Parsing.ArgumentResult result)
    {
        string text = result.Tokens.Single().Value;
        if (string.Equals(text, "access", StringComparison.OrdinalIgnoreCase))
        {
            return DsrRequestType.Access;
        }

        if (string.Equals(text, "delete", StringComparison.OrdinalIgnoreCase))
        {
            return DsrRequestType.Delete;
        }

        result.AddError($"--type: '{text}' is not access or delete.");
        return default;
    }
}
