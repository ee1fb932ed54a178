using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Callbacks;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// POSTs the request's summary (<see cref="Contracts.DsrResult"/> as JSON) to the intake system's callback URL, signed
/// like the webhook: <c>X-ZohoDsr-Timestamp</c> (Unix seconds) and <c>X-ZohoDsr-Signature</c> (<c>sha256=</c> HMAC with the
/// callback secret). A destination the <see cref="CallbackAddressPolicy"/> refuses (checked on the URL here, and on every
/// address the host resolves to when connecting: <see cref="CallbackConnector"/>) is not sent to and not retried: the
/// result says not delivered. A non-2xx answer (a 3xx included: redirects are not followed) or a network failure throws,
/// so the orchestration's durable retry tries again. A typed HTTP client (no URI logging: a callback URL may carry a token).
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
        string requestId = input.RequestId;
        string orgId = input.OrgId;
        WebhookOptions webhook = options.Value.Webhook;
        if (new CallbackAddressPolicy(webhook).UrlProblem(url) is not null)
        {
            return await RefuseAsync(input, cancellationToken).ConfigureAwait(false);
        }

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

        int status;
        try
        {
            using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException ex) when (IsRefusal(ex))
        {
            return await RefuseAsync(input, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            Log.CallbackFailed(logger, requestId, orgId, 0);
            await AuditAsync(input, AuditOutcomes.NoAnswer, null, cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException("The callback could not be delivered (no answer).", ex);
        }

        bool accepted = status is >= 200 and <= 299;
        await AuditAsync(input, accepted ? AuditOutcomes.Delivered : AuditOutcomes.HttpError, accepted ? null : HttpCode(status), cancellationToken).ConfigureAwait(false);
        if (!accepted)
        {
            Log.CallbackFailed(logger, requestId, orgId, status);
            throw new HttpRequestException($"The callback was answered with HTTP {status}.", null, (System.Net.HttpStatusCode)status);
        }

        Log.CallbackDelivered(logger, requestId, orgId, status);
        return new SendCallbackResult(true, status);
    }

    private static bool IsRefusal(Exception ex)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is CallbackRefusedException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The intake system's answer as the audit line's code: <c>HTTP 500</c>.</summary>
    private static string HttpCode(int status) => string.Create(CultureInfo.InvariantCulture, $"HTTP {status}");

    private async Task<SendCallbackResult> RefuseAsync(SendCallbackInput input, CancellationToken cancellationToken)
    {
        Log.CallbackRefused(logger, input.RequestId, input.OrgId);
        await AuditAsync(input, AuditOutcomes.Refused, null, cancellationToken).ConfigureAwait(false);
        return new SendCallbackResult(false, 0);
    }

    private Task AuditAsync(SendCallbackInput input, string outcome, string? code, CancellationToken cancellationToken)
    {
        var lines = new AuditLines(DsrActivities.SendCallback.Name, input.CallId, timeProvider);
        lines.Add(AuditActions.Callback, null, 1, outcome, code);
        return audit.AppendAsync(input.OrgId, input.RequestId, lines.Entries, cancellationToken);
    }
}
