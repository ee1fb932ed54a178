using System.Collections.Concurrent;
using ZohoDsr.Core.RateGate;

namespace ZohoDsr.Core.Engine;

/// <summary>One <see cref="OrgRateGate"/> per org, shared by every instance of an engine; each guarded by its own lock.</summary>
internal sealed class InProcessRateGates
{
    private readonly ConcurrentDictionary<string, OrgRateGate> _gates = new(StringComparer.Ordinal);

    public GateGrant Acquire(string orgId, GateAcquireRequest request)
    {
        var gate = Get(orgId);
        lock (gate)
        {
            return gate.Acquire(request);
        }
    }

    public void Release(string orgId, GateReleaseRequest request)
    {
        var gate = Get(orgId);
        lock (gate)
        {
            gate.Release(request);
        }
    }

    public int InUse(string orgId, DateTime now)
    {
        var gate = Get(orgId);
        lock (gate)
        {
            return gate.InUse(now);
        }
    }

    private OrgRateGate Get(string orgId) => _gates.GetOrAdd(orgId, _ => new OrgRateGate(new OrgRateGateState()));
}
