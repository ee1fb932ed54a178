using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// One run of <see cref="DsrOrchestration"/>: its phases, in order, over one <see cref="DsrRun"/>. Resolve, find, related,
/// then export (access) or delete (with approval, verify and purge), then finish. A failed step ends the steps; finish runs
/// whatever happened.
/// </summary>
internal sealed class DsrWorkflow(IDsrOrchestrationContext context, DsrOrchestrationInput input)
{
    public async Task<DsrResult> RunAsync()
    {
        var run = new DsrRun(context, input);
        var calls = new DsrCalls(run);
        Log.OrchestrationStarted(run.Logger, input.RequestId, input.OrgId, context.InstanceId);
        run.SetStatus(DsrStatus.Running, DsrPhases.Resolve);

        DsrResult result;
        try
        {
            result = await RunStepsAsync(run, calls);
        }
        catch (DsrStepFailedException ex)
        {
            run.Audit(AuditActions.Failure, ex.Module, 0, ex.AuditOutcome, ex.ZohoCode);
            run.FailedBecause(ex.Kind == StepFailure.Throttled ? DsrErrorTypes.Throttled : DsrErrorTypes.ActivityFailed);
            result = run.Result(DsrStatus.Failed, ex.Message);
        }

        result = await FinishPhase.RunAsync(run, calls, result);
        await ReportOutcomeAsync(run, result);
        run.SetStatus(result.Status, DsrPhases.Done);
        Log.OrchestrationFinished(run.Logger, input.RequestId, input.OrgId, result.Status);
        return result;
    }

    /// <summary>
    /// Records how the request ended in the metrics (ReportOutcome), once, after everything else: an activity rather than
    /// the orchestrator, so that a replay never counts; without a retry, so that a request is counted twice at most (when
    /// the engine delivers the call again after a crash). A report that fails does not change the request's result.
    /// </summary>
    private static async Task ReportOutcomeAsync(DsrRun run, DsrResult result)
    {
        DateTime acceptedAt = run.Input.ReceivedAt == default ? run.StartedAt : run.Input.ReceivedAt.UtcDateTime;
        ReportOutcomeInput report = ReportOutcomeInput.Of(result, run.ErrorType, run.Context.CurrentUtcDateTime - acceptedAt) with { CallId = run.NextCallId() };
        try
        {
            await run.Context.CallActivityAsync(DsrActivities.ReportOutcome, report, retry: null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.OrchestrationOutcomeNotReported(run.Logger, run.Input.RequestId, run.Input.OrgId);
        }
    }

    private static async Task<DsrResult> RunStepsAsync(DsrRun run, DsrCalls calls)
    {
        var profile = await ResolvePhase.RunAsync(run, calls);
        try
        {
            await FindPhase.RunAsync(run, calls, profile);
            await RelatedPhase.RunAsync(run, calls, profile);
            await NotesPhase.RunAsync(run, calls, profile);
        }
        catch (DsrStepFailedException ex) when (run.Input.Type == DsrRequestType.Delete && !run.Input.DryRun)
        {
            throw DeletePhase.FailFound(run, profile, ex);
        }

        return run.Input.Type == DsrRequestType.Access
            ? await ExportPhase.RunAsync(run, calls)
            : await DeletePhase.RunAsync(run, calls, profile);
    }
}
