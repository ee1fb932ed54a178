namespace Microsoft.DurableTask;

public record TaskOptions
{
    public TaskOptions(TaskRetryOptions? retry)
        : this(retry, null)
    {
    }

    public TaskOptions(TaskRetryOptions? retry = null, IDictionary<string, string>? tags = null)
    {
        Retry = retry;
        Tags = tags;
    }

    public TaskOptions(TaskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Retry = options.Retry;
        Tags = options.Tags;
    }

    public TaskRetryOptions? Retry { get; init; }

    public IDictionary<string, string>? Tags { get; init; }
}
