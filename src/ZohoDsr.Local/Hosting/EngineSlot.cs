using ZohoDsr.Local.Engine;

namespace ZohoDsr.Local.Hosting;

/// <summary>
/// The host's <see cref="DurableEngine"/>, set once it has started: the engine needs the built service provider (its
/// activities come from it) while the HTTP contract's services need the engine.
/// </summary>
public sealed class EngineSlot
{
    private DurableEngine? _engine;

    public DurableEngine Engine
    {
        get => _engine ?? throw new InvalidOperationException("The Durable Task engine has not started yet.");
        set => _engine = _engine is null ? value : throw new InvalidOperationException("The engine is set once.");
    }

    public bool IsSet => _engine is not null;
}
