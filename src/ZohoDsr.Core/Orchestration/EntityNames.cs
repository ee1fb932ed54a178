namespace ZohoDsr.Core.Orchestration;

/// <summary>Durable entity names and operations.</summary>
public static class EntityNames
{
    /// <summary>One entity per org (key = org id): the distributed counting semaphore and credit budget.</summary>
    public const string OrgRateGate = nameof(OrgRateGate);

    /// <summary>Operation: <see cref="RateGate.GateAcquireRequest"/> → <see cref="RateGate.GateGrant"/>.</summary>
    public const string Acquire = "acquire";

    /// <summary>Operation: <see cref="RateGate.GateReleaseRequest"/>.</summary>
    public const string Release = "release";
}
