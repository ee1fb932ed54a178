using System.Text.Json;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Cli.Rendering;

namespace ZohoDsr.Local.Cli;

/// <summary>Writes a request's status: one JSON document with <c>--json</c>, otherwise a short text and the summary table.</summary>
public static class RequestReport
{
    private static readonly JsonSerializerOptions Indented = new(DsrJson.Options) { WriteIndented = true };

    public static void WriteJson(CliContext context, object value)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Output.WriteLine(JsonSerializer.Serialize(value, value.GetType(), Indented));
    }

    public static void WriteText(CliContext context, DsrStatusView view)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(view);
        TextWriter output = context.Output;
        string type = view.Type?.ToString().ToLowerInvariant() ?? "request";
        string dryRun = view.Result?.DryRun == true ? " (dry run)" : string.Empty;
        output.WriteLine($"Request {view.RequestId} (org {view.OrgId}, {type}{dryRun}): {view.Status}");
        if (view.Progress is { } progress && view.Result is null)
        {
            output.WriteLine("  " + ProgressLine.Render(view));
            if (progress.ApprovalDeadline is { } deadline)
            {
                output.WriteLine($"  awaiting approval until {deadline:u}: approve {view.RequestId} / reject {view.RequestId}");
            }
        }

        if (view.Result is { } result)
        {
            output.WriteLine();
            output.Write(SummaryTable.Render(result));
            if (result.ExportLocation is not null)
            {
                output.WriteLine($"Export: {result.ExportLocation}");
            }

            if (result.RecycleBinRetainedUntil is { } until && !result.DryRun)
            {
                output.WriteLine(result.RecycleBinPurged
                    ? "Deleted records were also purged from Zoho's recycle bin."
                    : $"Zoho keeps deleted records in its recycle bin until {until:yyyy-MM-dd}.");
            }

            output.WriteLine($"Zoho API calls: {result.ApiCalls}, credits: {result.CreditsUsed}");
        }

        if (view.Deadline is { } due)
        {
            string extended = due.Extension is { } extension ? $", extended by {extension.By} on {extension.ExtendedAt:u}" : string.Empty;
            output.WriteLine($"Due by {due.DueBy:u} ({due.Regime.ToString().ToUpperInvariant()}{extended}).");
        }

        if (view.Decision is { } decision)
        {
            output.WriteLine($"Decision: {decision.Action} on {decision.DecidedAt:u}.");
        }

        string? error = view.Error ?? view.Result?.Error;
        if (error is not null)
        {
            output.WriteLine($"Error: {error}");
        }
    }

    /// <summary>
    /// 1 when failed or canceled, or completed without its result (an outcome nobody can check); 0 otherwise (completed
    /// with its result, or still under way for <c>status</c> without <c>--wait</c>).
    /// </summary>
    public static int ExitCodeOf(DsrStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Status is DsrStatus.Failed or DsrStatus.Canceled || (view.Status == DsrStatus.Completed && view.Result is null)
            ? ExitCodes.Failed
            : ExitCodes.Ok;
    }
}
