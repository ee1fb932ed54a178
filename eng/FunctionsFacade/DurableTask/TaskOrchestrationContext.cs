using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;

namespace Microsoft.DurableTask;

public abstract class TaskOrchestrationContext
{
    public abstract TaskName Name { get; }

    public abstract string InstanceId { get; }

    public abstract ParentOrchestrationInstance? Parent { get; }

    public abstract DateTime CurrentUtcDateTime { get; }

    public abstract bool IsReplaying { get; }

    public virtual TaskOrchestrationEntityFeature Entities => throw new NotSupportedException();

    protected abstract ILoggerFactory LoggerFactory { get; }

    public abstract T? GetInput<T>();

    public abstract Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null);

    // Real behaviour: a delay is a timer at CurrentUtcDateTime + delay.
    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken)
        => CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    // Not virtual in the real type: races the event against a durable timer; when the timer fires first, the event task is
    // cancelled, so awaiting it throws TaskCanceledException. Kept faithful so that mocks of the two virtual members drive it.
    public Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
        => WaitForExternalEvent<T>(eventName, timeout, CancellationToken.None);

    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using CancellationTokenSource timerCancellation = new();
        using CancellationTokenSource eventCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<T> received = WaitForExternalEvent<T>(eventName, eventCancellation.Token);
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await received.ConfigureAwait(false);
        }

        Task timer = CreateTimer(timeout, timerCancellation.Token);
        Task first = await Task.WhenAny(received, timer).ConfigureAwait(false);
        if (first == received)
        {
            await timerCancellation.CancelAsync().ConfigureAwait(false);
        }
        else
        {
            await eventCancellation.CancelAsync().ConfigureAwait(false);
        }

        return await received.ConfigureAwait(false);
    }

    public abstract void SendEvent(string instanceId, string eventName, object payload);

    public abstract void SetCustomStatus(object? customStatus);

    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null);

    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    public abstract Guid NewGuid();

    public virtual ILogger CreateReplaySafeLogger(string categoryName) => throw new NotSupportedException();
}
