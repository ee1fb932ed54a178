using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// The end of every run, whatever happened: modules not fully searched fail the request, the orchestration's own audit
/// lines and how the request ended are written (WriteAudit), the callback is sent (SendCallback).
/// </summary>
internal static class FinishPhase
{
    public static async Task<DsrResult> RunAsync(DsrRun run, DsrCalls calls, DsrResult result)
    {
        result = FailOnGaps(run, result);
        run.Audit(AuditActions.Result, null, result.Records.Count, AuditOutcomes.Of(result.Status));
        result = await WriteAuditAsync(run, calls, result, failRequest: true);
        return await SendCallbackAsync(run, calls, result);
    }

    /// <summary>A request with modules not fully searched fails, naming them (module and reason only; no personal data).</summary>
    private static DsrResult FailOnGaps(DsrRun run, DsrResult result)
    {
        SortedDictionary<string, List<ModuleGap>> gaps = run.Findings.Gaps;
        foreach (ModuleGap gap in gaps.Values.SelectMany(g => g))
        {
            run.Audit(AuditActions.Gap, gap.Module, 0, AuditOutcomes.Unsearched, gap.ZohoCode);
        }

        if (gaps.Count == 0 || result.Status is not (DsrStatus.Completed or DsrStatus.Failed))
        {
            return result;
        }

        string described = string.Join("; ", gaps.Select(g => $"{g.Key} ({string.Join(", ", g.Value.Select(gap => gap.ZohoCode is null ? gap.Reason : $"{gap.Reason}, {gap.ZohoCode}"))})"));
        string message = $"{gaps.Count} module(s) could not be fully searched: {described}";
        run.Audit(AuditActions.Failure, null, gaps.Count, AuditOutcomes.UnsearchedModules);
        run.FailedBecause(DsrErrorTypes.ModuleUnavailable);
        return result with
        {
            Status = DsrStatus.Failed,
            Error = result.Error is null ? message : $"{result.Error}; {message}",
        };
    }

    /// <summary>
    /// Writes the orchestration's pending audit lines, when there are any. A write that fails fails the request
    /// (<paramref name="failRequest"/>) or only adds to its error.
    /// </summary>
    private static async Task<DsrResult> WriteAuditAsync(DsrRun run, DsrCalls calls, DsrResult result, bool failRequest)
    {
        IReadOnlyList<AuditEntry> entries = run.PendingAudit;
        if (entries.Count == 0)
        {
            return result;
        }

        try
        {
            await calls.CallAsync(
                DsrActivities.WriteAudit,
                new WriteAuditInput(run.Input.OrgId, run.Input.RequestId, entries) { SubjectEmail = run.Input.SubjectEmail },
                module: null,
                run.Settings.ActivityRetry);
            run.AuditWritten();
            return result;
        }
        catch (DsrStepFailedException ex)
        {
            string error = result.Error is null ? ex.Message : $"{result.Error}; {ex.Message}";
            if (failRequest)
            {
                run.FailedBecause(DsrErrorTypes.ActivityFailed);
            }

            return failRequest ? result with { Status = DsrStatus.Failed, Error = error } : result with { Error = error };
        }
    }

    /// <summary>
    /// Sends the callback when the request has one. One that cannot be delivered does not fail the request: the
    /// orchestration records that it gave up, and the status stays pollable.
    /// </summary>
    private static async Task<DsrResult> SendCallbackAsync(DsrRun run, DsrCalls calls, DsrResult result)
    {
        if (run.Input.CallbackUrl is null)
        {
            return result;
        }

        SendCallbackResult? sent = null;
        try
        {
            sent = await calls.CallAsync(DsrActivities.SendCallback, SendCallbackInput.Of(run.Input.CallbackUrl, result), module: null, run.Settings.CallbackRetry);
        }
        catch (DsrStepFailedException)
        {
            // Every attempt failed (the activity audited each): the orchestration records that it gave up.
            run.Audit(AuditActions.Callback, null, 1, AuditOutcomes.Failed);
        }

        bool delivered = sent is { Delivered: true };
        if (!delivered)
        {
            Log.OrchestrationCallbackFailed(run.Logger, run.Input.RequestId, run.Input.OrgId);
        }

        return await WriteAuditAsync(run, calls, result with { CallbackDelivered = delivered }, failRequest: false);
    }
}
