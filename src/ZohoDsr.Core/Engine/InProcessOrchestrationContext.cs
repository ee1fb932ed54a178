using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;

namespace ZohoDsr.Core.Engine;

/// <summary>
/// The in-process engine's <see cref="IDsrOrchestrationContext"/>: real time from the <see cref="TimeProvider"/>, activities
/// dispatched on the thread pool with Durable-style retries and outputs passed through JSON (as Durable serialises them),
/// timers on the time provider, events from the instance, the engine's shared rate gates. Termination cancels every wait.
/// </summary>
internal sealed class InProcessOrchestrationContext(
    InProcessInstance instance,
    IActivityDispatcher dispatcher,
    InProcessRateGates gates,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    ILogger engineLogger) : IDsrOrchestrationContext
{
    private readonly CancellationToken _terminated = instance.Cancellation.Token;
    private int _guidCounter;

    public string InstanceId => instance.InstanceId;

    public DateTime CurrentUtcDateTime => timeProvider.GetUtcNow().UtcDateTime;

    public bool IsReplaying => false;

    /// <summary>Name-based (SHA-256 of the instance id and a counter), so the same instance draws the same sequence.</summary>
    public Guid NewGuid()
    {
        var counter = Interlocked.Increment(ref _guidCounter);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{instance.InstanceId}:{counter}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }

    public async Task<TResult> CallActivityAsync<TResult>(string name, object input, ActivityRetryPolicy? retry = null)
    {
        var attempts = Math.Max(1, retry?.MaxNumberOfAttempts ?? 1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var output = await Task.Run(() => dispatcher.DispatchAsync(name, input, _terminated), _terminated);
                return RoundTrip<TResult>(output);
            }
            catch (Exception ex) when (!_terminated.IsCancellationRequested)
            {
                if (attempt >= attempts)
                {
                    throw new ActivityFailedException(name, attempt, ex);
                }

                Log.EngineActivityRetry(engineLogger, instance.InstanceId, attempt, ex.GetType().Name);
                await Task.Delay(RetryDelay(retry!, attempt), timeProvider, _terminated);
            }
        }
    }

    public async Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var delay = fireAt - CurrentUtcDateTime;
        if (delay <= TimeSpan.Zero)
        {
            _terminated.ThrowIfCancellationRequested();
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_terminated, cancellationToken);
        await Task.Delay(delay, timeProvider, linked.Token);
    }

    public async Task<ExternalEventResult<T>> WaitForExternalEventAsync<T>(string name, TimeSpan timeout)
    {
        var waiter = instance.WaitForEvent(name);
        if (!waiter.Task.IsCompleted)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(_terminated);
            var timeoutTask = Task.Delay(timeout, timeProvider, timer.Token);
            var first = await Task.WhenAny(waiter.Task, timeoutTask);
            _terminated.ThrowIfCancellationRequested();
            if (first == timeoutTask && waiter.TrySetCanceled())
            {
                return ExternalEventResult<T>.TimedOut;
            }

            await timer.CancelAsync();
        }

        var payload = await waiter.Task;
        return new ExternalEventResult<T>(true, InProcessInstance.ConvertPayload<T>(payload));
    }

    public Task<GateGrant> AcquirePermitsAsync(string orgId, GateAcquireRequest request)
    {
        _terminated.ThrowIfCancellationRequested();
        return Task.FromResult(gates.Acquire(orgId, request));
    }

    public Task ReleasePermitsAsync(string orgId, GateReleaseRequest request)
    {
        // Also on termination: the permits go back at once instead of waiting for the lease to expire.
        gates.Release(orgId, request);
        return Task.CompletedTask;
    }

    public void SetCustomStatus(DsrProgress progress) => instance.SetProgress(progress, timeProvider.GetUtcNow());

    public ILogger CreateReplaySafeLogger(string categoryName) => loggerFactory.CreateLogger(categoryName);

    /// <summary>Durable's retry schedule: first interval × coefficient^(attempt − 1), capped at the maximum interval.</summary>
    internal static TimeSpan RetryDelay(ActivityRetryPolicy retry, int attempt)
    {
        var ticks = retry.FirstRetryInterval.Ticks * Math.Pow(retry.BackoffCoefficient, attempt - 1);
        var max = retry.MaxRetryInterval ?? TimeSpan.FromHours(6);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }

    private static TResult RoundTrip<TResult>(object? output)
    {
        if (output is null)
        {
            return default!;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(output, output.GetType(), DsrJson.Options);
        return JsonSerializer.Deserialize<TResult>(json, DsrJson.Options)!;
    }
}
