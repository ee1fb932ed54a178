namespace Microsoft.DurableTask.Entities;

public interface ITaskEntity
{
    ValueTask<object?> RunAsync(TaskEntityOperation operation);
}
