namespace Microsoft.DurableTask.Entities;

public abstract class TaskEntityOperation
{
    public abstract string Name { get; }

    public abstract TaskEntityContext Context { get; }

    public abstract TaskEntityState State { get; }

    public abstract bool HasInput { get; }

    public virtual T? GetInput<T>() => (T?)GetInput(typeof(T));

    public abstract object? GetInput(Type inputType);

    public override string ToString() => $"{Context.Id.Name}/{Name}";
}
