using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Core.Orchestration;

/// <summary>Delete with <c>requireApproval</c>: waits for the approval event until the deadline.</summary>
internal static class ApprovalPhase
{
    /// <summary>Null when approved; else the request's result (rejected: canceled; deadline passed: failed).</summary>
    public static async Task<DsrResult?> RunAsync(DsrRun run)
    {
        TimeSpan timeout = run.Settings.ApprovalTimeout;
        var deadline = new DateTimeOffset(run.Context.CurrentUtcDateTime + timeout, TimeSpan.Zero);
        run.SetStatus(DsrStatus.AwaitingApproval, DsrPhases.Approval, deadline);
        Log.OrchestrationAwaitingApproval(run.Logger, run.Input.RequestId, run.Input.OrgId);

        ExternalEventResult<ApprovalDecision> decision = await run.Context.WaitForExternalEventAsync<ApprovalDecision>(EventNames.Approval, timeout);
        if (!decision.Received)
        {
            run.Audit(AuditActions.Approval, null, 0, AuditOutcomes.DeadlinePassed);
            run.FailedBecause(DsrErrorTypes.ApprovalTimeout);
            return run.Result(DsrStatus.Failed, "approval deadline passed");
        }

        if (decision.Payload is not { Approved: true })
        {
            run.Audit(AuditActions.Approval, null, 0, AuditOutcomes.Rejected);
            return run.Result(DsrStatus.Canceled, "rejected");
        }

        run.Audit(AuditActions.Approval, null, 0, AuditOutcomes.Approved);
        return null;
    }
}
