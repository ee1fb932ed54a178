using System.CommandLine;
using System.Globalization;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Local.Cli.Commands;

/// <summary><c>list</c>: an org's requests with their status, due date and counts, page after page (never an email).</summary>
public static class ListCommand
{
    public static Command Create(TimeProvider timeProvider)
    {
        var target = new HostTargetOptions();
        var status = new Option<DsrStatus?>("--status") { Description = "Only requests of this status: pending, running, awaitingApproval, completed, failed, canceled, suspended." };
        var dueBefore = new Option<DateTimeOffset?>("--due-before") { Description = "Only requests due before this date (2026-12-01, midnight UTC) or time." };
        var command = new Command("list", "List an org's requests: id, type, status, due date, counts.");
        target.AddTo(command);
        command.Add(status);
        command.Add(dueBefore);
        CliRunner.SetAction(command, async (parseResult, context, cancellationToken) =>
        {
            using DsrHostClient client = target.CreateClient(parseResult, timeProvider);
            string orgId = parseResult.GetRequiredValue(target.Org);
            DsrStatus? wanted = parseResult.GetValue(status);
            string? statusText = wanted is { } s ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.ToString()) : null;
            DateTimeOffset? due = parseResult.GetValue(dueBefore);
            var items = new List<DsrListItem>();
            string? token = null;
            do
            {
                DsrListPage page = (await client.ListAsync(orgId, statusText, due, DsrListPageSize, token, cancellationToken).ConfigureAwait(false))
                    .EnsureSuccess("Listing the requests").Read<DsrListPage>();
                items.AddRange(page.Items);
                token = page.ContinuationToken;
            }
            while (token is not null);

            if (context.Json)
            {
                RequestReport.WriteJson(context, new DsrListPage { Items = items });
            }
            else
            {
                WriteTable(context.Output, items);
            }

            return ExitCodes.Ok;
        }, timeProvider);
        return command;
    }

    private const int DsrListPageSize = 100;

    private static void WriteTable(TextWriter output, IReadOnlyList<DsrListItem> items)
    {
        if (items.Count == 0)
        {
            output.WriteLine("No requests.");
            return;
        }

        int width = Math.Max("request".Length, items.Max(i => i.RequestId.Length));
        output.WriteLine($"{"request".PadRight(width)} | type   | status           | due by               | created              | found | deleted | failed");
        foreach (DsrListItem item in items.OrderBy(i => i.DueBy ?? DateTimeOffset.MaxValue).ThenBy(i => i.RequestId, StringComparer.Ordinal))
        {
            string due = item.DueBy is { } dd ? dd.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "-";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{item.RequestId.PadRight(width)} | {(item.Type?.ToString().ToLowerInvariant() ?? "?"),-6} | {item.Status,-16} | {due,-20} | {item.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC | {item.Counts.Found,5} | {item.Counts.Deleted,7} | {item.Counts.Failed,6}"));
        }
    }
}
