namespace Microsoft.Azure.Functions.Worker;

public sealed class TaskEntityDispatcher
{
    internal TaskEntityDispatcher()
    {
    }

    public Task DispatchAsync<T>() => throw new NotSupportedException();
}
