namespace ZohoDsr.Core.RateGate;

/// <summary>Why the gate granted nothing (<see cref="GateGrant.Reason"/>), as the orchestration logs it.</summary>
public enum GateRefusal
{
    /// <summary><see cref="OrgRateGate.ConcurrencyReason"/>: every permit is held.</summary>
    Concurrency,

    /// <summary><see cref="OrgRateGate.SubConcurrencyReason"/>: every COQL/Search permit is held.</summary>
    SubConcurrency,

    /// <summary><see cref="OrgRateGate.CreditsReason"/>: the rolling 24-hour credit budget would be exceeded.</summary>
    Credits,
}
