using System.Threading.Channels;

namespace ZohoDsr.Core.Engine;

/// <summary>
/// Runs one orchestration's continuations one at a time, in the order they were posted, like Durable's single-threaded
/// orchestrator: orchestration code needs no locks. Activities run elsewhere (the thread pool); only the code between
/// awaits runs here.
/// </summary>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    private readonly Channel<(SendOrPostCallback Callback, object? State)> _queue =
        Channel.CreateUnbounded<(SendOrPostCallback, object?)>(new UnboundedChannelOptions { SingleReader = true });

    public override void Post(SendOrPostCallback d, object? state) => _queue.Writer.TryWrite((d, state));

    public override void Send(SendOrPostCallback d, object? state)
        => throw new NotSupportedException("Orchestration code runs asynchronously only.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Starts <paramref name="body"/> on this context and pumps its continuations until it ends.</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> body)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(
            _ =>
            {
                Task<T> task;
                try
                {
                    task = body();
                }
                catch (Exception ex)
                {
                    done.TrySetException(ex);
                    _queue.Writer.TryComplete();
                    return;
                }

                task.ContinueWith(
                    t =>
                    {
                        if (t.IsCanceled)
                        {
                            done.TrySetCanceled();
                        }
                        else if (t.IsFaulted)
                        {
                            done.TrySetException(t.Exception!.InnerExceptions);
                        }
                        else
                        {
                            done.TrySetResult(t.Result);
                        }

                        _queue.Writer.TryComplete();
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            },
            null);
        _ = Task.Run(PumpAsync);
        return done.Task;
    }

    private async Task PumpAsync()
    {
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_queue.Reader.TryRead(out var item))
            {
                var previous = Current;
                SetSynchronizationContext(this);
                try
                {
                    item.Callback(item.State);
                }
                finally
                {
                    SetSynchronizationContext(previous);
                }
            }
        }
    }
}
