namespace Microsoft.DurableTask;

public sealed class TaskRetryOptions
{
    public TaskRetryOptions(RetryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
    }

    public RetryPolicy? Policy { get; }
}
