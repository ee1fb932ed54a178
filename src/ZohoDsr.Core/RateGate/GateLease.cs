namespace ZohoDsr.Core.RateGate;

/// <summary>A holder's permits until <paramref name="ExpiresAt"/>; <paramref name="ComplexPermits"/> of them also hold the COQL/Search semaphore.</summary>
public sealed record GateLease(int Permits, DateTime ExpiresAt, long EstimatedCredits, int ComplexPermits = 0);
