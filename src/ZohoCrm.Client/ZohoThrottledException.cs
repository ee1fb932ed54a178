namespace ZohoCrm.Client;

/// <summary>
/// Zoho refused the call for its limits: HTTP 429 <c>TOO_MANY_REQUESTS</c> (the daily credit budget or the concurrency
/// limit; Zoho does not say which), the same code in a body of another status, or the token endpoint's
/// <c>Access Denied</c> ("too many requests"); or the client refused a token request that would have gone past Zoho's
/// limit of access tokens per refresh token. The client never waits, retries or jitters a throttled call itself: backing
/// off belongs to the caller (a durable orchestration waits on a timer).
/// </summary>
public sealed class ZohoThrottledException : ZohoApiException
{
    /// <summary>Creates the exception.</summary>
    public ZohoThrottledException(int status, string? code, string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(status, code, message, null, null, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>
    /// The wait the answer asked for in its <c>Retry-After</c> header (a delta, or a date less the current time), or, for a
    /// token request the client refused itself, the time until its own request window frees up. Null otherwise, which is
    /// the usual case: Zoho sends no <c>Retry-After</c> on 429, and the client never guesses one.
    /// </summary>
    public TimeSpan? RetryAfter { get; }
}
