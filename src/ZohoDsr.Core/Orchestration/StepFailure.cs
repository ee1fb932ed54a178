namespace ZohoDsr.Core.Orchestration;

/// <summary>Why a step of the workflow failed for good (<see cref="DsrStepFailedException.Kind"/>).</summary>
public enum StepFailure
{
    /// <summary>The activity threw on every attempt of its retry policy.</summary>
    ActivityFailed,

    /// <summary>The activity returned nothing.</summary>
    NoResult,

    /// <summary>Zoho throttled the call on every attempt.</summary>
    Throttled,
}
