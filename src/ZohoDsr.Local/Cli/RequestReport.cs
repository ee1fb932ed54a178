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

        string? error = view.Error ?? view.Result?.Error;
        if (error is not null)
        {
            output.WriteLine($"Error: {error}");
        }
    }

    /// <summary>0 when completed, 1 when failed or canceled (or, for a finished request, while still running: 0).</summary>
    public static int ExitCodeOf(DsrStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Status is DsrStatus.Failed or DsrStatus.Canceled ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
