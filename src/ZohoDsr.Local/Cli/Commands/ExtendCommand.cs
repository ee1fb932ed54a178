using System.CommandLine;
using System.Globalization;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Local.Cli.Commands;

/// <summary><c>extend REQUEST_ID --reason ...</c>: records the one extension of a request's due date (signed).</summary>
public static class ExtendCommand
{
    public static Command Create(TimeProvider timeProvider)
    {
        var target = new HostTargetOptions();
        var requestId = new Argument<string>("REQUEST_ID") { Description = "The request id given at submission." };
        var reason = new Option<string>("--reason") { Description = "Why the request needs more time (the person must be told).", Required = true };
        var by = new Option<DeadlinePeriod?>("--by") { Description = "How much longer: '2 months', '45 days' (default: the most the regime allows).", CustomParser = ParsePeriod };
        var command = new Command("extend", "Extend a request's due date once, within its regime's limit (GDPR: 2 months, CCPA: 45 days).");
        command.Add(requestId);
        target.AddTo(command);
        command.Add(reason);
        command.Add(by);
        CliRunner.SetAction(command, async (parseResult, context, cancellationToken) =>
        {
            string id = parseResult.GetRequiredValue(requestId);
            using DsrHostClient client = target.CreateOperatorClient(parseResult, timeProvider);
            HostResponse response = (await client.ExtendAsync(id, parseResult.GetRequiredValue(target.Org), parseResult.GetRequiredValue(reason), parseResult.GetValue(by), cancellationToken).ConfigureAwait(false))
                .EnsureSuccess($"Extension of request {id}");
            DsrDeadlineView deadline = response.Read<DsrDeadlineView>();
            if (context.Json)
            {
                RequestReport.WriteJson(context, deadline);
            }
            else
            {
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Request {id} extended by {deadline.Extension?.By}: due by {deadline.DueBy:u} (was {deadline.OriginalDueBy:u})."));
            }

            return ExitCodes.Ok;
        }, timeProvider);
        return command;
    }

    private static DeadlinePeriod? ParsePeriod(System.CommandLine.Parsing.ArgumentResult result)
    {
        string[] parts = result.Tokens.Single().Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count >= 1)
        {
            string unit = parts[1].ToLowerInvariant();
            if (unit is "day" or "days")
            {
                return DeadlinePeriod.Days(count);
            }

            if (unit is "month" or "months")
            {
                return DeadlinePeriod.Months(count);
            }
        }

        result.AddError("--by must be a number and a unit: '2 months' or '45 days'.");
        return null;
    }
}
