namespace ZohoDsr.Core.RateGate;

public sealed record GateLease(int Permits, DateTime ExpiresAt, long EstimatedCredits);
