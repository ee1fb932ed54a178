namespace Microsoft.DurableTask;

public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
    where T : notnull
{
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = default, int? pageSizeHint = default);

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
