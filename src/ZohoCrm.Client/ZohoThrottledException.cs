namespace ZohoCrm.Client;

/// <summary>
/// Zoho answered 429 <c>TOO_MANY_REQUESTS</c> (credit budget or concurrency limit; Zoho does not say which and sends no
/// Retry-After), or the token endpoint throttled us. <see cref="RetryAfter"/> is the client's own estimate of when to
/// try again, so a durable orchestration can wait on a timer instead of sleeping.
/// </summary>
public sealed class ZohoThrottledException : ZohoApiException
{
    /// <summary>Creates the exception.</summary>
    public ZohoThrottledException(int status, string? code, string message, TimeSpan retryAfter, Exception? innerException = null)
        : base(status, code, message, null, null, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long to wait before the next attempt.</summary>
    public TimeSpan RetryAfter { get; }
}
