namespace Microsoft.Azure.Functions.Worker;

public abstract class FunctionContext
{
    public abstract string InvocationId { get; }

    public abstract string FunctionId { get; }

    public abstract IServiceProvider InstanceServices { get; set; }

    public abstract IDictionary<object, object> Items { get; set; }

    public virtual CancellationToken CancellationToken => CancellationToken.None;
}
