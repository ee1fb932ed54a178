using ZohoDsr.Core.Audit;

namespace ZohoDsr.Core.Orchestration;

/// <summary>A step of the workflow failed for good; the message names the activity and module, never personal data.</summary>
internal sealed class DsrStepFailedException(string message, StepFailure kind, string? module, string? zohoCode = null) : Exception(message)
{
    public StepFailure Kind { get; } = kind;

    public string? Module { get; } = module;

    /// <summary>Zoho's code of the last throttle, for <see cref="StepFailure.Throttled"/>.</summary>
    public string? ZohoCode { get; } = zohoCode;

    /// <summary>The outcome of the failure's audit line.</summary>
    public string AuditOutcome => Kind switch
    {
        StepFailure.NoResult => AuditOutcomes.NoResult,
        StepFailure.Throttled => AuditOutcomes.Throttled,
        _ => AuditOutcomes.ActivityFailed,
    };

    public static DsrStepFailedException ActivityFailed(string activity, string? module)
        => new(module is null ? $"{activity} failed" : $"{activity} failed for module {module}", StepFailure.ActivityFailed, module);

    public static DsrStepFailedException NoResult(string activity, string? module)
        => new(module is null ? $"{activity} returned no result" : $"{activity} returned no result for module {module}", StepFailure.NoResult, module);

    public static DsrStepFailedException Throttled(string activity, string? module, int attempts, string? zohoCode)
        => new(
            $"{activity} was throttled by Zoho{(zohoCode is null ? string.Empty : $" ({zohoCode})")} {attempts} times"
                + (module is null ? string.Empty : $" for module {module}") + "; giving up",
            StepFailure.Throttled,
            module,
            zohoCode);
}
