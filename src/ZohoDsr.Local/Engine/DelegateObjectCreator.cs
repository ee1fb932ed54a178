using DurableTask.Core;

namespace ZohoDsr.Local.Engine;

/// <summary>Hands the Durable Task Framework a new <typeparamref name="T"/> per execution, made by a factory.</summary>
internal sealed class DelegateObjectCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public DelegateObjectCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        _create = create;
    }

    public override T Create() => _create();
}
