namespace ZohoDsr.Core.Activities;

/// <summary>An activity met Zoho's limit (429 / concurrency / credits, or the token endpoint's): retry after this long.</summary>
public sealed record ActivityThrottle(TimeSpan RetryAfter, string? ZohoCode);
