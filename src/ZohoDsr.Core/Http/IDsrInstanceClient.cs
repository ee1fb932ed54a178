using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Http;

/// <summary>
/// The engine behind the HTTP contract: ZohoDsr.Functions adapts DurableTaskClient, the local host the Durable Task
/// Framework's TaskHubClient; both read the same task hub state.
/// </summary>
public interface IDsrInstanceClient
{
    Task<DsrInstanceState?> GetAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Starts <see cref="OrchestrationNames.DsrOrchestration"/> with this instance id.</summary>
    Task StartAsync(string instanceId, DsrOrchestrationInput input, CancellationToken cancellationToken);

    Task RaiseEventAsync(string instanceId, string eventName, object payload, CancellationToken cancellationToken);

    Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the task hub's DSR instances, with inputs (to filter by org; the input holds the subject's email, which
    /// never leaves the HTTP layer), custom status and output, in the engine's order.
    /// </summary>
    Task<DsrInstancePage> ListAsync(DsrInstanceQuery query, CancellationToken cancellationToken);

    /// <summary>The engine's management URIs for an instance (Durable's check-status payload), built from the request's URL.</summary>
    DsrManagementUris GetManagementUris(string instanceId, string requestId, string orgId, Uri requestUrl);
}
