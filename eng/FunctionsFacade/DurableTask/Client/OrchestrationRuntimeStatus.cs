namespace Microsoft.DurableTask.Client;

public enum OrchestrationRuntimeStatus
{
    Running,
    Completed,
    [Obsolete("The runtime no longer reports this status.")]
    ContinuedAsNew,
    Failed,
    [Obsolete("The runtime no longer reports this status.")]
    Canceled,
    Terminated,
    Pending,
    Suspended,
}
