using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;

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
            result = run.Result(DsrStatus.Failed, ex.Message);
        }

        result = await FinishPhase.RunAsync(run, calls, result);
        run.SetStatus(result.Status, DsrPhases.Done);
        Log.OrchestrationFinished(run.Logger, input.RequestId, input.OrgId, result.Status);
        return result;
    }

    private static async Task<DsrResult> RunStepsAsync(DsrRun run, DsrCalls calls)
    {
        var profile = await ResolvePhase.RunAsync(run, calls);
        await FindPhase.RunAsync(run, calls, profile);
        await RelatedPhase.RunAsync(run, calls, profile);
        await NotesPhase.RunAsync(run, calls, profile);
        return run.Input.Type == DsrRequestType.Access
            ? await ExportPhase.RunAsync(run, calls)
            : await DeletePhase.RunAsync(run, calls, profile);
    }
}
