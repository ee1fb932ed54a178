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
public sealed class InProcessDsrEngine : IDsrInstanceClient, IAsyncDisposable
{
    public Task<DsrInstanceState?> GetAsync(string instanceId, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task StartAsync(string instanceId, DsrOrchestrationInput input, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task RaiseEventAsync(string instanceId, string eventName, object payload, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken) => throw new NotImplementedException();

    public DsrManagementUris GetManagementUris(string instanceId, string requestId, string orgId, Uri requestUrl) => throw new NotImplementedException();

    /// <summary>Waits until the instance completes, fails or is terminated; returns its final state.</summary>
    public Task<DsrInstanceState> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Cancels every running instance (reported as <see cref="DsrStatus.Canceled"/>) and waits for them to stop.</summary>
    public ValueTask DisposeAsync() => throw new NotImplementedException();
}
