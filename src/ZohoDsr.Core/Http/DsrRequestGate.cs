using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoDsr.Core.Configuration;

namespace ZohoDsr.Core.Http;

/// <summary>
/// What every route that changes something checks before any other work, in this order: the body's media type (415),
/// its size (413), then the caller (401): the <c>X-ZohoDsr-Timestamp</c> / <c>X-ZohoDsr-Signature</c> HMAC over the raw
/// body (an empty body signs as empty), accepted once per route within the tolerance (a replay is refused), or, where the
/// policy allows it, a key. Every refusal names the header it concerns.
/// </summary>
public sealed class DsrRequestGate(
    IOptions<DsrOptions> options,
    IOptions<DsrHttpOptions> httpOptions,
    SignatureReplayCache replays,
    TimeProvider timeProvider,
    ILogger<DsrRequestGate> logger)
{
    /// <summary>The largest body accepted (bytes).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The one media type a body may have.</summary>
    public const string JsonMediaType = "application/json";

    public const string ContentTypeHeader = "Content-Type";

    /// <summary>
    /// The first problem of <paramref name="request"/>, or null when it may go on. <paramref name="bodyRequired"/>: the
    /// route takes a JSON body (the webhook, extend); otherwise a body is optional, and when one is sent (or a media type
    /// named) it must be JSON too.
    /// </summary>
    public DsrHttpResponse? Check(DsrHttpRequest request, bool bodyRequired, DsrCallerPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MediaTypeProblem(request, bodyRequired)
            ?? (request.Body.Length > MaxBodyBytes ? DsrProblems.Field(413, "body", $"The body must be at most {MaxBodyBytes} bytes.") : null)
            ?? CallerProblem(request, policy);
    }

    /// <summary>415 unless the body is <c>application/json</c> (UTF-8; a <c>charset</c> other than utf-8 is refused).</summary>
    public static DsrHttpResponse? MediaTypeProblem(DsrHttpRequest request, bool bodyRequired)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.ContentType))
        {
            return bodyRequired || !request.Body.IsEmpty
                ? DsrProblems.Field(415, ContentTypeHeader, $"{ContentTypeHeader} must be {JsonMediaType}: the body is JSON.")
                : null;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? mediaType)
            || !string.Equals(mediaType.MediaType, JsonMediaType, StringComparison.OrdinalIgnoreCase)
            || (mediaType.CharSet is { } charset && !string.Equals(charset.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return DsrProblems.Field(415, ContentTypeHeader, $"{ContentTypeHeader} must be {JsonMediaType} (UTF-8); forms, text and other types are not accepted.");
        }

        return null;
    }

    private DsrHttpResponse? CallerProblem(DsrHttpRequest request, DsrCallerPolicy policy)
    {
        bool signed = !string.IsNullOrWhiteSpace(request.Timestamp) || !string.IsNullOrWhiteSpace(request.Signature);
        if (!signed && policy == DsrCallerPolicy.SignatureOrKey)
        {
            if (request.KeyCheckedByHost)
            {
                return null;
            }

            if (!string.IsNullOrEmpty(request.Key))
            {
                return KeyProblem(request.Key);
            }
        }

        return SignatureProblem(request, policy);
    }

    private DsrHttpResponse? KeyProblem(string key)
    {
        string expected = httpOptions.Value.OperatorKey;
        if (expected.Length == 0)
        {
            return Refuse(DsrRoutes.KeyHeader, DsrCallerRefusal.KeyNotAccepted, $"This host takes no {DsrRoutes.KeyHeader}; sign the request ({DsrRoutes.TimestampHeader}, {DsrRoutes.SignatureHeader}).");
        }

        bool equal = CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(key)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
        return equal ? null : Refuse(DsrRoutes.KeyHeader, DsrCallerRefusal.KeyMismatch, $"{DsrRoutes.KeyHeader} is not this host's key.");
    }

    private DsrHttpResponse? SignatureProblem(DsrHttpRequest request, DsrCallerPolicy policy)
    {
        WebhookOptions webhook = options.Value.Webhook;
        string alternative = policy == DsrCallerPolicy.SignatureOrKey ? $" (or {DsrRoutes.KeyHeader})" : string.Empty;
        if (string.IsNullOrWhiteSpace(request.Timestamp) && string.IsNullOrWhiteSpace(request.Signature))
        {
            return Refuse(DsrRoutes.SignatureHeader, DsrCallerRefusal.MissingHeaders, $"The {DsrRoutes.TimestampHeader} and {DsrRoutes.SignatureHeader} headers are required{alternative}.");
        }

        if (string.IsNullOrWhiteSpace(request.Timestamp))
        {
            return Refuse(DsrRoutes.TimestampHeader, DsrCallerRefusal.MissingHeaders, $"{DsrRoutes.TimestampHeader} is required with {DsrRoutes.SignatureHeader}.");
        }

        if (string.IsNullOrWhiteSpace(request.Signature))
        {
            return Refuse(DsrRoutes.SignatureHeader, DsrCallerRefusal.MissingHeaders, $"{DsrRoutes.SignatureHeader} is required with {DsrRoutes.TimestampHeader}.");
        }

        if (!long.TryParse(request.Timestamp.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp)
            || timestamp > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return Refuse(DsrRoutes.TimestampHeader, DsrCallerRefusal.Malformed, $"{DsrRoutes.TimestampHeader} must be Unix seconds.");
        }

        WebhookSignatureResult result = WebhookSignature.Verify(
            Encoding.UTF8.GetBytes(webhook.SigningSecret), request.Timestamp, request.Signature, request.Body.Span, timeProvider.GetUtcNow(), webhook.Tolerance);
        switch (result)
        {
            case WebhookSignatureResult.Valid:
                break;
            case WebhookSignatureResult.Stale:
                return Refuse(DsrRoutes.TimestampHeader, DsrCallerRefusal.Stale, $"{DsrRoutes.TimestampHeader} is more than {webhook.Tolerance} away from the server's time.");
            case WebhookSignatureResult.Malformed:
                return Refuse(DsrRoutes.SignatureHeader, DsrCallerRefusal.Malformed, $"{DsrRoutes.SignatureHeader} must be '{WebhookSignature.Prefix}' followed by 64 hex digits.");
            default:
                return Refuse(DsrRoutes.SignatureHeader, DsrCallerRefusal.Mismatch, $"{DsrRoutes.SignatureHeader} does not match the body.");
        }

        DateTimeOffset staleAt = DateTimeOffset.FromUnixTimeSeconds(timestamp) + webhook.Tolerance;
        return replays.Remember(request.Method, request.Url, request.Signature, staleAt) switch
        {
            ReplayCheck.Fresh => null,
            ReplayCheck.Replayed => Refuse(DsrRoutes.SignatureHeader, DsrCallerRefusal.Replayed, $"This signature was already used on this route: sign every request anew (a new {DsrRoutes.TimestampHeader}); a retry too."),
            _ => DsrProblems.Field(503, DsrRoutes.SignatureHeader, "Too many signed requests within the tolerance; try again shortly."),
        };
    }

    private DsrHttpResponse Refuse(string header, DsrCallerRefusal why, string message)
    {
        Log.WebhookSignatureRejected(logger, why);
        return DsrProblems.Field(401, header, message);
    }
}
