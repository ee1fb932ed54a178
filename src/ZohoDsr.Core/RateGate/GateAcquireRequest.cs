namespace ZohoDsr.Core.RateGate;

/// <summary>
/// Ask the org's gate for up to <paramref name="Permits"/> permits for <paramref name="Lease"/> (a crashed holder's permits
/// come back when the lease expires). <paramref name="Now"/> comes from the caller (the orchestration's deterministic time),
/// so the gate itself never reads a clock. Capacity and credit budget are sent by the caller (from the org profile) and
/// kept by the gate. <paramref name="Complex"/>: the permits are for COQL/Search calls, which also take permits of the
/// second, smaller semaphore (<paramref name="ComplexCapacity"/>, Zoho's sub-concurrency scaled by the same fraction).
/// </summary>
public sealed record GateAcquireRequest(
    string Holder,
    int Permits,
    TimeSpan Lease,
    DateTime Now,
    int Capacity,
    long CreditBudget,
    long EstimatedCredits,
    bool Complex = false,
    int ComplexCapacity = 0);
