using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Local.Hosting;

/// <summary>The engine as the HTTP contract sees it, recording each started instance for the shutdown report.</summary>
public sealed class TrackingInstanceClient(IDsrInstanceClient inner, RequestTracker tracker, ILogger<TrackingInstanceClient> logger) : IDsrInstanceClient
{
    public Task<DsrInstanceState?> GetAsync(string instanceId, CancellationToken cancellationToken) => inner.GetAsync(instanceId, cancellationToken);

    public async Task StartAsync(string instanceId, DsrOrchestrationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await inner.StartAsync(instanceId, input, cancellationToken).ConfigureAwait(false);
        tracker.Add(new TrackedRequest(instanceId, input.RequestId, input.OrgId));
        Log.RequestStarted(logger, input.RequestId, input.OrgId, instanceId);
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object payload, CancellationToken cancellationToken)
        => inner.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken)
        => inner.TerminateAsync(instanceId, reason, cancellationToken);

    public DsrManagementUris GetManagementUris(string instanceId, string requestId, string orgId, Uri requestUrl)
        => inner.GetManagementUris(instanceId, requestId, orgId, requestUrl);
}
