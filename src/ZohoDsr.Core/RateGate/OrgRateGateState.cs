namespace ZohoDsr.Core.RateGate;

/// <summary>The gate's serialisable state (a durable entity's state, or the in-process gate's).</summary>
public sealed class OrgRateGateState
{
    /// <summary>Permits held, by holder, with their lease expiry.</summary>
    public Dictionary<string, GateLease> Leases { get; set; } = new(StringComparer.Ordinal);

    public int Capacity { get; set; }

    /// <summary>The COQL/Search semaphore's capacity (0: never learnt, only <see cref="Capacity"/> bounds those calls).</summary>
    public int ComplexCapacity { get; set; }

    public long CreditBudget { get; set; }

    /// <summary>Credits spent per hour (UTC hour start → credits), for the rolling 24-hour window.</summary>
    public SortedDictionary<DateTime, long> CreditsByHour { get; set; } = [];
}
