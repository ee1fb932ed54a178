namespace ZohoDsr.Core.Activities;

/// <summary>
/// An activity met Zoho's limit (429 / concurrency / credits, or the token endpoint's). <see cref="RetryAfter"/> is the
/// wait the answer asked for, when it asked for one (Zoho sends no <c>Retry-After</c> on 429): null leaves the wait to the
/// orchestration's backoff.
/// </summary>
public sealed record ActivityThrottle(TimeSpan? RetryAfter, string? ZohoCode);
