using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Entities;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;

namespace ZohoDsr.Functions.Entities;

/// <summary>
/// The <c>OrgRateGate</c> durable entity (one per org, key = org id): Core's <see cref="OrgRateGate"/> over the entity's
/// state. Operations <c>acquire</c> and <c>release</c> (<see cref="EntityNames"/>) match these methods case-insensitively.
/// </summary>
public sealed class OrgRateGateEntity : TaskEntity<OrgRateGateState>
{
    public GateGrant Acquire(GateAcquireRequest request) => new OrgRateGate(State).Acquire(request);

    public void Release(GateReleaseRequest request) => new OrgRateGate(State).Release(request);

    [Function(EntityNames.OrgRateGate)]
    public static Task DispatchAsync([EntityTrigger] TaskEntityDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        return dispatcher.DispatchAsync<OrgRateGateEntity>();
    }
}
