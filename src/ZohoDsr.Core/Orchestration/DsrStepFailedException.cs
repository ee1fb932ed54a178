namespace ZohoDsr.Core.Orchestration;

/// <summary>A step of the workflow failed for good; the message names the activity and module, never personal data.</summary>
internal sealed class DsrStepFailedException(string message) : Exception(message)
{
    public static DsrStepFailedException ActivityFailed(string activity, string? module)
        => new(module is null ? $"{activity} failed" : $"{activity} failed for module {module}");

    public static DsrStepFailedException NoResult(string activity, string? module)
        => new(module is null ? $"{activity} returned no result" : $"{activity} returned no result for module {module}");

    public static DsrStepFailedException Throttled(string activity, string? module, int attempts, string? zohoCode)
        => new($"{activity} was throttled by Zoho{(zohoCode is null ? string.Empty : $" ({zohoCode})")} {attempts} times"
            + (module is null ? string.Empty : $" for module {module}") + "; giving up");
}
