namespace ZohoDsr.Core.RateGate;

/// <summary>The permits granted (0 to the number asked); when 0, when to ask again and why (<c>concurrency</c> or <c>credits</c>).</summary>
public sealed record GateGrant(int Granted, DateTime? RetryAt, string? Reason);
