using System.Text;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ZohoCrm.Client;

/// <summary>
/// The one place that turns what Zoho (or the network) answered into success or an exception: the HTTP status and Zoho's
/// error body become <see cref="ZohoApiException"/> or <see cref="ZohoThrottledException"/>, judging by the body where Zoho
/// answers 2xx with an error (the token endpoint does so routinely). Messages carry no URI, body, token or email: only
/// sanitised excerpts. <see cref="JsonElement"/>s put into exceptions are cloned, so they outlive the response.
/// </summary>
internal static class ZohoErrorMapper
{
    private const string TooManyRequests = ZohoErrorCodes.TooManyRequests;

    private const string ScopeMismatch = ZohoErrorCodes.OAuthScopeMismatch;

    /// <summary>
    /// The exception an API answer stands for, or null when it is a success: 2xx with a readable body that is not an error
    /// envelope, 204/304, or, for a delete, per-record outcomes in <c>data[]</c> (its 200, 207 or 400).
    /// </summary>
    public static ZohoApiException? FromAnswer(ZohoRequest request, int status, JsonElement? root, ReadOnlySpan<byte> body, TimeSpan? retryAfter)
    {
        string? code = root is JsonElement r ? ZohoJson.GetString(r, "code") : null;
        if (status == 429 || code == TooManyRequests)
        {
            return new ZohoThrottledException(
                status,
                code ?? TooManyRequests,
                $"Zoho CRM {Describe(request)} was throttled (HTTP {status} {code ?? TooManyRequests}: credit or concurrency limit).",
                retryAfter);
        }

        if (request.PerRecordResults)
        {
            return FromPerRecordAnswer(request, status, code, root, body);
        }

        if (status is 204 or 304)
        {
            return null;
        }

        if (root is not JsonElement parsed)
        {
            return Unreadable(request, status, body);
        }

        bool success = status is >= 200 and < 300 && !IsErrorEnvelope(parsed, code);
        return success ? null : FromErrorBody(request, status, code, parsed);
    }

    /// <summary>
    /// No answer: the connection failed or broke, a timeout, or the circuit breaker refused to send. For a call that is
    /// not safe to repeat, anything but "never sent" is <see cref="ZohoOutcomeUnknownException"/>.
    /// </summary>
    public static ZohoApiException FromTransport(ZohoRequest request, Exception exception)
    {
        string what = exception switch
        {
            TimeoutRejectedException or OperationCanceledException => "timed out",
            BrokenCircuitException => "was not sent: the circuit breaker is open after repeated failures",
            _ when !MayHaveBeenSent(exception) => "was not sent: no connection could be made",
            _ => "failed: the connection failed or the response was cut short",
        };
        return !request.Repeatable && MayHaveBeenSent(exception)
            ? OutcomeUnknown(request, 0, null, what, exception)
            : new ZohoApiException(0, null, $"Zoho CRM {Describe(request)} {what}.", innerException: exception);
    }

    /// <summary>A readable answer without what the call needs (no <c>data</c>, no <c>org</c>, ...).</summary>
    public static ZohoApiException Unexpected(ZohoRequest request, int status, string what)
        => new(status, null, $"Zoho CRM {Describe(request)} returned an unexpected body (HTTP {status}): {what}.");

    /// <summary>Exceptions of the network or the HTTP pipeline that mean "no usable answer".</summary>
    public static bool IsTransportFailure(Exception exception)
        => exception is HttpRequestException or IOException or OperationCanceledException or TimeoutRejectedException or BrokenCircuitException;

    /// <summary>
    /// A token endpoint answer without <c>access_token</c>: Zoho's <c>{"error": ...}</c> whatever the HTTP status, its
    /// "Access Denied / too many requests" throttle as <see cref="ZohoThrottledException"/>, or an unreadable body.
    /// </summary>
    public static ZohoApiException FromTokenAnswer(string orgId, int status, JsonElement? root, ReadOnlySpan<byte> body)
    {
        string? error = root is JsonElement r ? ZohoJson.GetString(r, "error") : null;
        string? description = root is JsonElement d ? ZohoJson.GetString(d, "error_description") : null;
        if (IsTokenThrottle(error, description))
        {
            return new ZohoThrottledException(
                status,
                error,
                $"Zoho's token endpoint refused org '{orgId}': too many token requests (Access Denied). Wait for the window to pass.");
        }

        string message = error is not null
            ? $"Zoho's token endpoint refused the request for org '{orgId}': {ZohoExcerpt.Sanitize(error)}."
            : $"Zoho's token endpoint answered HTTP {status} without a token for org '{orgId}': {ZohoExcerpt.Of(body)}";
        return new ZohoApiException(status, error, message);
    }

    /// <summary>The token endpoint did not answer.</summary>
    public static ZohoApiException FromTokenTransport(Exception exception)
        => new(0, null, "Zoho's token endpoint did not answer (network failure or timeout).", innerException: exception);

    private static bool IsTokenThrottle(string? error, string? description)
        => string.Equals(error, ZohoErrorCodes.AccessDenied, StringComparison.OrdinalIgnoreCase)
            || (description?.Contains("too many requests", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>
    /// A delete's answer: per-record outcomes in <c>data[]</c> whatever the status; an error Zoho named (400
    /// <c>INVALID_MODULE</c>, 403 <c>NO_PERMISSION</c>, ...); or, for a 408, a 5xx, or a 2xx without readable outcomes,
    /// an unknown outcome.
    /// </summary>
    private static ZohoApiException? FromPerRecordAnswer(ZohoRequest request, int status, string? code, JsonElement? root, ReadOnlySpan<byte> body)
    {
        if (root is JsonElement parsed && parsed.TryGetProperty("data", out JsonElement data) && data.ValueKind == JsonValueKind.Array)
        {
            return null;
        }

        // A 4xx turned the call away before anything was applied; so did a 2xx carrying Zoho's error envelope.
        bool rejected = status is >= 400 and < 500 and not 408;
        bool namedError = status is >= 200 and < 300 && root is JsonElement envelope && IsErrorEnvelope(envelope, code);
        if (rejected || namedError || request.Repeatable)
        {
            return root is JsonElement error ? FromErrorBody(request, status, code, error) : Unreadable(request, status, body);
        }

        string what = status is >= 200 and < 300
            ? $"returned no readable per-record outcomes (HTTP {status})"
            : $"got no usable answer (HTTP {status} {code ?? "(no code)"})";
        return OutcomeUnknown(request, status, code, what, null);
    }

    private static ZohoOutcomeUnknownException OutcomeUnknown(ZohoRequest request, int status, string? code, string what, Exception? exception)
        => new(
            status,
            code,
            $"Zoho CRM {Describe(request)} {what}; Zoho may have applied it to some or all of its {request.Ids.Count} records. It was not repeated: reconcile (for a delete, read the recycle bin) before sending it again.",
            request.Module,
            request.Ids,
            exception);

    /// <summary>False only when the failure shows the request never left: no connection, no name, no TLS, no proxy tunnel.</summary>
    private static bool MayHaveBeenSent(Exception exception)
        => exception switch
        {
            BrokenCircuitException => false,
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError } => false,
            _ => true,
        };

    private static ZohoApiException Unreadable(ZohoRequest request, int status, ReadOnlySpan<byte> body)
        => status is >= 200 and < 300
            ? new ZohoApiException(status, null, $"Zoho CRM {Describe(request)} returned an unreadable body (HTTP {status}): {ZohoExcerpt.Of(body)}")
            : new ZohoApiException(status, null, $"Zoho CRM {Describe(request)} failed with HTTP {status}: {ZohoExcerpt.Of(body)}");

    /// <summary>A 2xx body that is Zoho's error envelope: <c>"status":"error"</c> with a <c>code</c> (and no per-record <c>data</c>).</summary>
    private static bool IsErrorEnvelope(JsonElement root, string? code)
        => code is not null
            && string.Equals(ZohoJson.GetString(root, "status"), "error", StringComparison.OrdinalIgnoreCase)
            && !(root.TryGetProperty("data", out JsonElement data) && data.ValueKind == JsonValueKind.Array);

    private static ZohoApiException FromErrorBody(ZohoRequest request, int status, string? code, JsonElement root)
    {
        string message = ZohoExcerpt.Sanitize(ZohoJson.GetString(root, "message"));
        JsonElement? details = root.TryGetProperty("details", out JsonElement d) ? d.Clone() : null;
        if (status == 401 && code == ScopeMismatch)
        {
            string scopes = request.Scope == ZohoScopes.ModulesAll ? request.Scope : $"{request.Scope} (with {ZohoScopes.ModulesAll})";
            return new ZohoApiException(
                status,
                code,
                $"Zoho CRM {Describe(request)} needs the OAuth scope {scopes}, which the org's refresh token lacks (401 {ScopeMismatch}).",
                details,
                request.Scope);
        }

        return new ZohoApiException(status, code, $"Zoho CRM {Describe(request)} failed with HTTP {status} {code ?? "(no code)"}: {message}{DetailsReason(details)}", details);
    }

    private static string Describe(ZohoRequest request) => request.Module is null ? request.Operation : $"{request.Operation} on {request.Module}";

    private static string DetailsReason(JsonElement? details)
    {
        if (details is not JsonElement d || d.ValueKind != JsonValueKind.Object)
        {
            return string.Empty;
        }

        string? reason = ZohoJson.GetString(d, "reason");
        string? apiName = ZohoJson.GetString(d, "api_name");
        bool namedField = apiName is not null && ZohoNames.IsValid(apiName);
        var text = new StringBuilder();
        if (reason is not null)
        {
            text.Append(" (").Append(ZohoExcerpt.Sanitize(reason));
            if (namedField)
            {
                text.Append(": ").Append(apiName);
            }

            text.Append(')');
        }
        else if (namedField)
        {
            text.Append(" (field ").Append(apiName).Append(')');
        }

        return text.ToString();
    }
}
