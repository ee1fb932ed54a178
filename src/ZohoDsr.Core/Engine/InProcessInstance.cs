using System.Text.Json;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Engine;

/// <summary>One instance of the in-process engine: its state, its external events (buffered like Durable's), its cancellation.</summary>
internal sealed class InProcessInstance
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<object?>> _buffered = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<TaskCompletionSource<object?>>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly TaskCompletionSource<DsrInstanceState> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DsrRuntimeStatus _runtimeStatus = DsrRuntimeStatus.Pending;
    private DsrProgress? _progress;
    private DsrResult? _output;
    private string? _failureMessage;
    private DateTimeOffset _lastUpdatedAt;

    public InProcessInstance(string instanceId, DsrOrchestrationInput input, DateTimeOffset createdAt)
    {
        InstanceId = instanceId;
        Input = input;
        CreatedAt = createdAt;
        _lastUpdatedAt = createdAt;
    }

    public string InstanceId { get; }

    public DsrOrchestrationInput Input { get; }

    public DateTimeOffset CreatedAt { get; }

    public CancellationTokenSource Cancellation { get; } = new();

    public Task? Run { get; set; }

    public Task<DsrInstanceState> Completion => _completion.Task;

    public bool IsFinished
    {
        get
        {
            lock (_lock)
            {
                return IsTerminal(_runtimeStatus);
            }
        }
    }

    public DsrInstanceState Snapshot()
    {
        lock (_lock)
        {
            return SnapshotLocked();
        }
    }

    public void MarkRunning(DateTimeOffset now) => Update(now, () => _runtimeStatus = DsrRuntimeStatus.Running);

    public void SetProgress(DsrProgress progress, DateTimeOffset now) => Update(now, () => _progress = progress);

    public void Complete(DsrResult output, DateTimeOffset now) => Finish(DsrRuntimeStatus.Completed, output, failureMessage: null, now);

    public void Fail(string message, DateTimeOffset now) => Finish(DsrRuntimeStatus.Failed, output: null, message, now);

    /// <summary>Ends the instance as terminated (output: the request <see cref="DsrStatus.Canceled"/> with the reason); false when already finished.</summary>
    public bool Terminate(string reason, DateTimeOffset now)
    {
        var output = new DsrResult
        {
            RequestId = Input.RequestId,
            OrgId = Input.OrgId,
            Type = Input.Type,
            Status = DsrStatus.Canceled,
            DryRun = Input.DryRun,
            StartedAt = CreatedAt,
            CompletedAt = now,
            Error = reason,
        };
        var terminated = Finish(DsrRuntimeStatus.Terminated, output, reason, now);
        if (terminated)
        {
            Cancellation.Cancel();
        }

        return terminated;
    }

    /// <summary>Delivers an event to the oldest waiter of that name, or buffers it until a wait starts.</summary>
    public void RaiseEvent(string name, object? payload)
    {
        lock (_lock)
        {
            if (IsTerminal(_runtimeStatus))
            {
                return; // Durable drops events to finished instances.
            }

            if (_waiters.TryGetValue(name, out var waiters))
            {
                while (waiters.Count > 0)
                {
                    if (waiters.Dequeue().TrySetResult(payload))
                    {
                        return;
                    }
                }
            }

            if (!_buffered.TryGetValue(name, out var buffered))
            {
                buffered = new Queue<object?>();
                _buffered[name] = buffered;
            }

            buffered.Enqueue(payload);
        }
    }

    /// <summary>Takes a buffered event, or registers a waiter that the next <see cref="RaiseEvent"/> of that name completes.</summary>
    public TaskCompletionSource<object?> WaitForEvent(string name)
    {
        var waiter = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_buffered.TryGetValue(name, out var buffered) && buffered.Count > 0)
            {
                waiter.SetResult(buffered.Dequeue());
                return waiter;
            }

            if (!_waiters.TryGetValue(name, out var waiters))
            {
                waiters = new Queue<TaskCompletionSource<object?>>();
                _waiters[name] = waiters;
            }

            waiters.Enqueue(waiter);
        }

        return waiter;
    }

    /// <summary>Converts an event payload (the record itself, a <see cref="JsonElement"/>, or any JSON-shaped object) to <typeparamref name="T"/>.</summary>
    public static T? ConvertPayload<T>(object? payload) => payload switch
    {
        null => default,
        T typed => typed,
        JsonElement element => element.Deserialize<T>(DsrJson.Options),
        string json => JsonSerializer.Deserialize<T>(json, DsrJson.Options),
        _ => JsonSerializer.SerializeToElement(payload, payload.GetType(), DsrJson.Options).Deserialize<T>(DsrJson.Options),
    };

    private static bool IsTerminal(DsrRuntimeStatus status)
        => status is DsrRuntimeStatus.Completed or DsrRuntimeStatus.Failed or DsrRuntimeStatus.Terminated;

    private bool Finish(DsrRuntimeStatus status, DsrResult? output, string? failureMessage, DateTimeOffset now)
    {
        DsrInstanceState final;
        lock (_lock)
        {
            if (IsTerminal(_runtimeStatus))
            {
                return false;
            }

            _runtimeStatus = status;
            _output = output;
            _failureMessage = failureMessage;
            _lastUpdatedAt = now;
            foreach (var waiters in _waiters.Values)
            {
                foreach (var waiter in waiters)
                {
                    waiter.TrySetCanceled();
                }
            }

            _waiters.Clear();
            final = SnapshotLocked();
        }

        _completion.TrySetResult(final);
        return true;
    }

    private void Update(DateTimeOffset now, Action change)
    {
        lock (_lock)
        {
            if (IsTerminal(_runtimeStatus))
            {
                return;
            }

            change();
            _lastUpdatedAt = now;
        }
    }

    private DsrInstanceState SnapshotLocked()
        => new(InstanceId, _runtimeStatus, Input, _progress, _output, CreatedAt, _lastUpdatedAt, _failureMessage);
}
