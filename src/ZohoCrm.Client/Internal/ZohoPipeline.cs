using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ZohoCrm.Client;

/// <summary>
/// Sends one <see cref="ZohoRequest"/> of one org through the client's pipeline, whose stages run in this order:
/// <list type="number">
/// <item><see cref="ZohoAuthorizationHandler"/>: the org's access token and API domain; one refresh and one resend on
/// 401 <c>INVALID_TOKEN</c>;</item>
/// <item><see cref="ZohoUsageHandler"/>: counts each request sent (calls, credits, calls in flight);</item>
/// <item>the <see cref="HttpClient"/>'s resilience handler (registered by <c>AddZohoCrmClient</c>): timeouts, the org's
/// circuit breaker, transient retries of calls safe to repeat; never a 429;</item>
/// <item>the wire; then the body is read here and <see cref="ZohoErrorMapper"/> decides between success and an
/// exception.</item>
/// </list>
/// </summary>
internal sealed class ZohoPipeline
{
    private readonly HttpMessageInvoker _invoker;
    private readonly string _versionSegment;
    private readonly ZohoUsageTracker _usage;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public ZohoPipeline(string orgId, string versionSegment, HttpClient httpClient, ZohoTokenProvider tokenProvider, ZohoUsageTracker usage, TimeProvider timeProvider, ILogger logger)
    {
        OrgId = orgId;
        _versionSegment = versionSegment;
        _usage = usage;
        _timeProvider = timeProvider;
        _logger = logger;
        var wire = new ZohoUsageHandler(usage) { InnerHandler = new HttpClientForwarder(httpClient) };
        _invoker = new HttpMessageInvoker(new ZohoAuthorizationHandler(tokenProvider, logger) { InnerHandler = wire });
    }

    public string OrgId { get; }

    /// <summary>Sends the request; the caller disposes the answer. Throws <see cref="ZohoApiException"/> (or a subtype) for every failure.</summary>
    public async Task<ZohoResponse> SendAsync(ZohoRequest request, CancellationToken cancellationToken)
    {
        using HttpRequestMessage message = CreateMessage(request);
        Answer answer = await ExchangeAsync(message, request, cancellationToken).ConfigureAwait(false);
        JsonDocument? document = answer.Status is 204 or 304 ? null : ZohoJson.ParseObject(answer.Body);
        ZohoApiException? error = ZohoErrorMapper.FromAnswer(request, answer.Status, document?.RootElement, answer.Body, answer.RetryAfter);
        if (error is null)
        {
            return new ZohoResponse(answer.Status, document, request);
        }

        document?.Dispose();
        LogFailure(request, error);
        throw error;
    }

    /// <summary>A readable answer that lacks what the call needs: logged, and returned for the caller to throw.</summary>
    public ZohoApiException Unexpected(ZohoResponse response, string what) => Unexpected(response.Request, response.Status, what);

    /// <inheritdoc cref="Unexpected(ZohoResponse, string)"/>
    public ZohoApiException Unexpected(ZohoRequest request, int status, string what)
    {
        Log.MalformedResponse(_logger, OrgId, request.Module, status);
        return ZohoErrorMapper.Unexpected(request, status, what);
    }

    private HttpRequestMessage CreateMessage(ZohoRequest request)
    {
        var message = new HttpRequestMessage(request.Method, new Uri(_versionSegment + request.PathAndQuery, UriKind.Relative));
        message.Options.Set(ZohoRequestOptions.OrgId, OrgId);
        message.Options.Set(ZohoRequestOptions.Repeatable, request.Repeatable);
        message.Options.Set(ZohoRequestOptions.Credits, request.Credits);
        if (request.JsonBody is not null)
        {
            message.Content = new ByteArrayContent(request.JsonBody);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return message;
    }

    private async Task<Answer> ExchangeAsync(HttpRequestMessage message, ZohoRequest request, CancellationToken cancellationToken)
    {
        long started = _timeProvider.GetTimestamp();
        Answer answer;
        try
        {
            using HttpResponseMessage response = await _invoker.SendAsync(message, cancellationToken).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            byte[] body = status is 204 or 304 ? [] : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            answer = new Answer(status, body, RetryAfterOf(response));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ZohoErrorMapper.IsTransportFailure(ex))
        {
            Log.TransportFailed(_logger, OrgId, request.Module, ex.GetType().Name);
            throw ZohoErrorMapper.FromTransport(request, ex);
        }

        Log.CallCompleted(_logger, OrgId, request.Module, answer.Status, _timeProvider.GetElapsedTime(started));
        return answer;
    }

    /// <summary>The <c>Retry-After</c> the answer carried (a delta, or a date less now), or null: Zoho sends none on 429.</summary>
    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        RetryConditionHeaderValue? retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is TimeSpan delta)
        {
            return delta;
        }

        if (retryAfter?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - _timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private void LogFailure(ZohoRequest request, ZohoApiException error)
    {
        if (error is ZohoThrottledException)
        {
            _usage.ThrottledReceived();
            Log.Throttled(_logger, OrgId, request.Module, error.Status, error.Code);
        }
        else if (error.Code is null && error.Status is >= 200 and < 300)
        {
            Log.MalformedResponse(_logger, OrgId, request.Module, error.Status);
        }
        else
        {
            Log.CallFailed(_logger, OrgId, request.Module, error.Status, error.Code);
        }
    }

    private readonly record struct Answer(int Status, byte[] Body, TimeSpan? RetryAfter);
}
