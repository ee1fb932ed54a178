using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// A step of the workflow failed for good; the message names the activity and module, the cause (<see cref="Fault"/>) and
/// what a person can do about it, never personal data.
/// </summary>
internal sealed class DsrStepFailedException(string message, StepFailure kind, string? module, ActivityFault fault, ZohoActivityResult? partial = null)
    : Exception(message)
{
    public StepFailure Kind { get; } = kind;

    public string? Module { get; } = module;

    /// <summary>Why: Zoho's code (<c>invalid_code</c>, <c>TOO_MANY_REQUESTS</c>) or ours (<c>TRANSPORT_ERROR</c>, <c>HTTP_503</c>).</summary>
    public ActivityFault Fault { get; } = fault;

    /// <summary>The code of <see cref="Fault"/>: the reason given to every record the step did not finish.</summary>
    public string ZohoCode => Fault.Code;

    /// <summary>What the activity did before a fault it returned (<see cref="ZohoActivityResult.Fault"/>); null when it threw.</summary>
    public ZohoActivityResult? Partial { get; } = partial;

    /// <summary>The outcome of the failure's audit line.</summary>
    public string AuditOutcome => Kind switch
    {
        StepFailure.NoResult => AuditOutcomes.NoResult,
        StepFailure.Throttled => AuditOutcomes.Throttled,
        _ => AuditOutcomes.ActivityFailed,
    };

    /// <summary>The same failure with <paramref name="prefix"/> before its message (what the step left undone).</summary>
    public DsrStepFailedException Prefixed(string prefix) => new($"{prefix}; {Message}", Kind, Module, Fault, Partial);

    public static DsrStepFailedException ActivityFailed(string activity, string? module, string orgId, ActivityFault fault, ZohoActivityResult? partial = null)
        => new($"{Name(activity, module)} failed ({fault.Code}): {fault.Advice(orgId)}", StepFailure.ActivityFailed, module, fault, partial);

    public static DsrStepFailedException NoResult(string activity, string? module, string orgId)
    {
        var fault = new ActivityFault(ActivityFaultCodes.NoResult);
        return new($"{Name(activity, module)} returned no result ({fault.Code}): {fault.Advice(orgId)}", StepFailure.NoResult, module, fault);
    }

    public static DsrStepFailedException Throttled(string activity, string? module, int attempts, string? zohoCode)
        => new(
            $"{activity} was throttled by Zoho{(zohoCode is null ? string.Empty : $" ({zohoCode})")} {attempts} times"
                + (module is null ? string.Empty : $" for module {module}") + "; giving up",
            StepFailure.Throttled,
            module,
            new ActivityFault(zohoCode ?? "TOO_MANY_REQUESTS"));

    private static string Name(string activity, string? module) => module is null ? activity : $"{activity} for module {module}";
}
