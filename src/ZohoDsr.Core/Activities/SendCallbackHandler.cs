using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// POSTs the request's summary (<see cref="Contracts.DsrResult"/> as JSON) to the intake system's callback URL, signed
/// like the webhook: <c>X-ZohoDsr-Timestamp</c> (Unix seconds) and <c>X-ZohoDsr-Signature</c> (<c>sha256=</c> HMAC with the
/// callback secret). A non-2xx answer or a network failure throws, so the orchestration's durable retry tries again.
/// A typed HTTP client (no URI logging: a callback URL may carry a token).
/// </summary>
public sealed class SendCallbackHandler(
    HttpClient httpClient,
    IOptions<DsrOptions> options,
    AuditWriter audit,
    TimeProvider timeProvider,
    ILogger<SendCallbackHandler> logger)
{
    public async Task<SendCallbackResult> HandleAsync(SendCallbackInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.CallbackUrl);
        ArgumentNullException.ThrowIfNull(input.Summary);
        Uri url = input.CallbackUrl;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The callback URL must be an absolute http(s) URL.", nameof(input));
        }

        WebhookOptions webhook = options.Value.Webhook;
        string secret = string.IsNullOrEmpty(webhook.CallbackSigningSecret) ? webhook.SigningSecret : webhook.CallbackSigningSecret;
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(input.Summary, DsrJson.Options);
        long timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(DsrRoutes.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(DsrRoutes.SignatureHeader, WebhookSignature.Sign(Encoding.UTF8.GetBytes(secret), timestamp, body));

        string requestId = input.Summary.RequestId;
        string orgId = input.Summary.OrgId;
        int status;
        try
        {
            using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException ex)
        {
            Log.CallbackFailed(logger, requestId, orgId, 0);
            await AuditAsync(orgId, requestId, 0, cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException("The callback could not be delivered (no answer).", ex);
        }

        await AuditAsync(orgId, requestId, status, cancellationToken).ConfigureAwait(false);
        if (status is < 200 or > 299)
        {
            Log.CallbackFailed(logger, requestId, orgId, status);
            throw new HttpRequestException($"The callback was answered with HTTP {status}.", null, (System.Net.HttpStatusCode)status);
        }

        Log.CallbackDelivered(logger, requestId, orgId, status);
        return new SendCallbackResult(true, status);
    }

    private Task AuditAsync(string orgId, string requestId, int status, CancellationToken cancellationToken)
        => audit.AppendAsync(
            orgId,
            requestId,
            [new AuditEntry(timeProvider.GetUtcNow(), "callback", null, 1, status is >= 200 and <= 299 ? "delivered" : string.Create(CultureInfo.InvariantCulture, $"http-{status}"))],
            cancellationToken);
}
