namespace Microsoft.DurableTask;

public sealed class Page<T>
    where T : notnull
{
    public Page(IReadOnlyList<T> values, string? continuationToken = null)
    {
        Values = values;
        ContinuationToken = continuationToken;
    }

    public IReadOnlyList<T> Values { get; }

    public string? ContinuationToken { get; }
}
