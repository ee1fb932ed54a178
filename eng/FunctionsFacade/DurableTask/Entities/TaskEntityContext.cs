namespace Microsoft.DurableTask.Entities;

public abstract class TaskEntityContext
{
    public abstract EntityInstanceId Id { get; }

    public abstract void SignalEntity(EntityInstanceId id, string operationName, object? input = null, SignalEntityOptions? options = null);

    public abstract string ScheduleNewOrchestration(TaskName name, object? input = null, StartOrchestrationOptions? options = null);
}
