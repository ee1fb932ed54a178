using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// The DSR workflow, once, against <see cref="IDsrOrchestrationContext"/> (DESIGN.md "The workflow"): resolve the org,
/// find the subject in the parent modules, then related records per contact, then export (access) or approve / delete /
/// verify / purge (delete), then callback. Throttled activities wait on durable timers (deterministic full-jitter backoff);
/// fan-outs are bounded by the org's rate-gate permits.
/// </summary>
public static class DsrOrchestration
{
    /// <summary>
    /// Runs the request to its end and returns its outcome. A failed step does not throw: the result says
    /// <see cref="DsrStatus.Failed"/> with an error naming the activity and module; only termination (cancellation) escapes.
    /// </summary>
    public static Task<DsrResult> RunAsync(IDsrOrchestrationContext context, DsrOrchestrationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return new DsrWorkflow(context, input).RunAsync();
    }
}
