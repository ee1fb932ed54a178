namespace ZohoDsr.Core.RateGate;

/// <summary>
/// A counting semaphore per org with leases, capped at the caller's capacity (a fraction of the edition's concurrency), plus
/// the rolling 24-hour credit budget. Pure logic over <see cref="OrgRateGateState"/>: ZohoDsr.Functions makes it the
/// <c>OrgRateGate</c> durable entity, the in-process engine guards it with a lock.
/// </summary>
public sealed class OrgRateGate(OrgRateGateState state)
{
    public OrgRateGateState State { get; } = state;

    /// <summary>Reclaims expired leases, then grants min(asked, free) permits (re-acquiring tops up the holder's lease).</summary>
    public GateGrant Acquire(GateAcquireRequest request) => throw new NotImplementedException();

    /// <summary>Frees the holder's permits (unknown holder: no-op) and books the credits spent.</summary>
    public void Release(GateReleaseRequest request) => throw new NotImplementedException();

    /// <summary>Permits currently held (after reclaiming leases expired at <paramref name="now"/>).</summary>
    public int InUse(DateTime now) => throw new NotImplementedException();
}
