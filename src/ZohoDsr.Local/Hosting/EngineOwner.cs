using ZohoDsr.Core.Engine;

namespace ZohoDsr.Local.Hosting;

/// <summary>
/// Owns the in-process engine so that the host disposes it exactly once, at the point of its choosing (before the HTTP
/// server and the simulator go away), and can report what the disposal canceled.
/// </summary>
public sealed class EngineOwner(IServiceProvider services) : IAsyncDisposable
{
    private readonly Lazy<InProcessDsrEngine> _engine = new(() => ActivatorUtilities.CreateInstance<InProcessDsrEngine>(services));
    private int _disposed;

    public InProcessDsrEngine Engine => _engine.Value;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1 || !_engine.IsValueCreated)
        {
            return;
        }

        await _engine.Value.DisposeAsync().ConfigureAwait(false);
    }
}
