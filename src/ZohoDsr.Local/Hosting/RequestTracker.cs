using System.Collections.Concurrent;

namespace ZohoDsr.Local.Hosting;

/// <summary>The requests started by this host, so that a shutdown can say which ones it canceled.</summary>
public sealed class RequestTracker
{
    private readonly ConcurrentDictionary<string, TrackedRequest> _requests = new(StringComparer.Ordinal);

    public IReadOnlyCollection<TrackedRequest> All => [.. _requests.Values];

    public void Add(TrackedRequest request) => _requests[request.InstanceId] = request;
}
