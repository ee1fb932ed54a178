using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Engine;

/// <summary>
/// Runs <see cref="DsrOrchestration"/> in process (the local host, the CLI, tests): real time from the injected
/// <see cref="TimeProvider"/> for timers, activities dispatched to their handlers by name, one in-process
/// <see cref="RateGate.OrgRateGate"/> per org shared by every instance, events and termination, status queries.
/// Same semantics as the Durable engine for everything the orchestration can observe.
/// </summary>
/// <remarks>
/// Each instance runs its orchestration code one continuation at a time (like Durable's orchestrator thread) while its
/// activities run on the thread pool. Starting an id that exists does nothing (no second run). Events raised before the
/// orchestration waits for them are buffered. Termination ends the instance as <see cref="DsrRuntimeStatus.Terminated"/>
/// with a <see cref="DsrStatus.Canceled"/> output holding the reason. State lives in memory only.
/// </remarks>
public sealed class InProcessDsrEngine(IActivityDispatcher dispatcher, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    : IDsrInstanceClient, IAsyncDisposable
{
    /// <summary>The reason recorded for instances still running when the engine is disposed.</summary>
    public const string StoppedReason = "engine stopped";

    private const string DurableInstancesPath = "/runtime/webhooks/durabletask/instances/";

    private readonly ConcurrentDictionary<string, InProcessInstance> _instances = new(StringComparer.Ordinal);
    private readonly InProcessRateGates _gates = new();
    private readonly ILogger _logger = loggerFactory.CreateLogger<InProcessDsrEngine>();
    private int _disposed;

    public Task<DsrInstanceState?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return Task.FromResult(_instances.TryGetValue(instanceId, out var instance) ? instance.Snapshot() : null);
    }

    public Task StartAsync(string instanceId, DsrOrchestrationInput input, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentNullException.ThrowIfNull(input);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();

        var instance = new InProcessInstance(instanceId, input, timeProvider.GetUtcNow());
        if (!_instances.TryAdd(instanceId, instance))
        {
            return Task.CompletedTask; // Running or finished: never a second run.
        }

        instance.Run = Task.Run(() => RunAsync(instance), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        GetInstance(instanceId).RaiseEvent(eventName, payload);
        return Task.CompletedTask;
    }

    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken)
    {
        var instance = GetInstance(instanceId);
        if (instance.Terminate(string.IsNullOrWhiteSpace(reason) ? "terminated" : reason, timeProvider.GetUtcNow()))
        {
            Log.EngineInstanceEnded(_logger, instanceId, nameof(DsrRuntimeStatus.Terminated));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Durable's management URIs on the request's scheme and host (<c>/runtime/webhooks/durabletask/instances/{id}</c> with
    /// <c>raiseEvent/{eventName}</c>, <c>terminate?reason={text}</c>, purge by DELETE), and our <c>/api/dsr/{requestId}?orgId=</c>.
    /// Suspend and resume are not offered (null): the in-process engine cannot suspend.
    /// </summary>
    public DsrManagementUris GetManagementUris(string instanceId, string requestId, string orgId, Uri requestUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        ArgumentNullException.ThrowIfNull(requestUrl);
        if (!requestUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("The request URL must be absolute.", nameof(requestUrl));
        }

        var root = requestUrl.GetLeftPart(UriPartial.Authority);
        var instance = root + DurableInstancesPath + Uri.EscapeDataString(instanceId);
        return new DsrManagementUris
        {
            Id = instanceId,
            StatusQueryGetUri = instance,
            SendEventPostUri = instance + "/raiseEvent/{eventName}",
            TerminatePostUri = instance + "/terminate?reason={text}",
            PurgeHistoryDeleteUri = instance,
            StatusUri = $"{root}/api/dsr/{Uri.EscapeDataString(requestId)}?orgId={Uri.EscapeDataString(orgId)}",
        };
    }

    /// <summary>Waits until the instance completes, fails or is terminated; returns its final state.</summary>
    public Task<DsrInstanceState> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken)
        => GetInstance(instanceId).Completion.WaitAsync(cancellationToken);

    /// <summary>Forgets a finished instance (Durable's purge); false when unknown or still running.</summary>
    public bool Purge(string instanceId)
        => _instances.TryGetValue(instanceId, out var instance) && instance.IsFinished && _instances.TryRemove(instanceId, out _);

    /// <summary>Permits of the org's rate gate held right now (for tests and diagnostics).</summary>
    public int PermitsInUse(string orgId) => _gates.InUse(orgId, timeProvider.GetUtcNow().UtcDateTime);

    /// <summary>Cancels every running instance (reported as <see cref="DsrStatus.Canceled"/>) and waits for them to stop.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var runs = new List<Task>();
        foreach (var instance in _instances.Values)
        {
            instance.Terminate(StoppedReason, timeProvider.GetUtcNow());
            if (instance.Run is { } run)
            {
                runs.Add(run);
            }
        }

        await Task.WhenAll(runs);
        foreach (var instance in _instances.Values)
        {
            instance.Cancellation.Dispose();
        }
    }

    private InProcessInstance GetInstance(string instanceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return _instances.TryGetValue(instanceId, out var instance)
            ? instance
            : throw new InvalidOperationException($"No instance '{instanceId}'.");
    }

    /// <summary>Runs one instance to its end; never throws (its outcome is the instance's state).</summary>
    private async Task RunAsync(InProcessInstance instance)
    {
        instance.MarkRunning(timeProvider.GetUtcNow());
        var context = new InProcessOrchestrationContext(instance, dispatcher, _gates, timeProvider, loggerFactory, _logger);
        try
        {
            var result = await new OrchestrationSynchronizationContext().RunAsync(() => DsrOrchestration.RunAsync(context, instance.Input));
            instance.Complete(result, timeProvider.GetUtcNow());
            Log.EngineInstanceEnded(_logger, instance.InstanceId, nameof(DsrRuntimeStatus.Completed));
        }
        catch (OperationCanceledException) when (instance.Cancellation.IsCancellationRequested)
        {
            // Terminated: the state was set by TerminateAsync / DisposeAsync.
        }
        catch (Exception ex)
        {
            instance.Fail($"Orchestration failed: {ex.GetType().Name}", timeProvider.GetUtcNow());
            Log.EngineInstanceFailed(_logger, ex, instance.InstanceId, nameof(DsrRuntimeStatus.Failed));
        }
    }
}
