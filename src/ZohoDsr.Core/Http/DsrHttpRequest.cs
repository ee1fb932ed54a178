namespace ZohoDsr.Core.Http;

/// <summary>
/// What a host hands <see cref="DsrHttpApi"/> of a request that changes something (the webhook, approve, reject, cancel,
/// extend): the method and URL, the raw body (the signature covers the bytes as sent), its media type, and the caller's
/// credentials as given: the signature headers, a key, or the host's word that it checked a key itself.
/// </summary>
public sealed record DsrHttpRequest
{
    /// <summary>The HTTP method, upper case.</summary>
    public required string Method { get; init; }

    /// <summary>The request's absolute URL (path and query are part of the replay check).</summary>
    public required Uri Url { get; init; }

    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The <c>Content-Type</c> header as sent, or null.</summary>
    public string? ContentType { get; init; }

    /// <summary><c>X-ZohoDsr-Timestamp</c> as sent, or null.</summary>
    public string? Timestamp { get; init; }

    /// <summary><c>X-ZohoDsr-Signature</c> as sent, or null.</summary>
    public string? Signature { get; init; }

    /// <summary><c>x-functions-key</c> as sent to the local host, or null.</summary>
    public string? Key { get; init; }

    /// <summary>
    /// True when the host itself refused callers without a key before the request got here (the Functions app: every HTTP
    /// function takes the function key). Operator routes then need no signature; the webhook always does.
    /// </summary>
    public bool KeyCheckedByHost { get; init; }
}
