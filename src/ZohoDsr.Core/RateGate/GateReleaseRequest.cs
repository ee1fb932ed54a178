namespace ZohoDsr.Core.RateGate;

/// <summary>Return the holder's permits, and record the credits they actually spent (for the rolling 24-hour budget).</summary>
public sealed record GateReleaseRequest(string Holder, DateTime Now, long CreditsSpent);
