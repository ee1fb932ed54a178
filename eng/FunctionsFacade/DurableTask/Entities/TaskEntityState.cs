namespace Microsoft.DurableTask.Entities;

public abstract class TaskEntityState
{
    public abstract bool HasState { get; }

    public virtual T? GetState<T>(T? defaultValue = default) => HasState ? (T?)GetState(typeof(T)) : defaultValue;

    public abstract object? GetState(Type type);

    public abstract void SetState(object? state);
}
