namespace Microsoft.DurableTask.Client;

public class PurgeResult
{
    public PurgeResult(int count)
        : this(count, null)
    {
    }

    public PurgeResult(int count, bool? isComplete)
    {
        PurgedInstanceCount = count;
        IsComplete = isComplete;
    }

    public int PurgedInstanceCount { get; }

    public bool? IsComplete { get; }
}
