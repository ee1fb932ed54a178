using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Local.Cli;

/// <summary>
/// Talks to a running host (this one, or the Functions app in Azure) over the HTTP contract: signed submissions, status,
/// the list, approve / reject, cancel, extend. With a signing secret every call that changes something is signed
/// (<c>X-ZohoDsr-Timestamp</c>, <c>X-ZohoDsr-Signature</c> over the JSON body it sends); with a function key that key is
/// sent on every call. Network failures become <see cref="CliException"/>s with <see cref="ExitCodes.Unreachable"/>.
/// </summary>
public sealed class DsrHostClient : IDisposable
{
    /// <summary>The header that carries an Azure Functions key.</summary>
    public const string FunctionKeyHeader = "x-functions-key";

    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string? _functionKey;
    private readonly TimeProvider _timeProvider;
    private readonly byte[]? _signingSecret;

    public DsrHostClient(HttpClient http, Uri baseUrl, string? functionKey, TimeProvider timeProvider, string? signingSecret = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUrl);
        _http = http;
        _baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _functionKey = string.IsNullOrEmpty(functionKey) ? null : functionKey;
        _timeProvider = timeProvider;
        _signingSecret = string.IsNullOrEmpty(signingSecret) ? null : Encoding.UTF8.GetBytes(signingSecret);
    }

    public Uri BaseUrl => _baseUrl;

    /// <summary>A client with its own connection handler (a CLI process makes a handful of calls).</summary>
    public static DsrHostClient Create(Uri baseUrl, string? functionKey, TimeProvider timeProvider, string? signingSecret = null)
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) };
        return new DsrHostClient(new HttpClient(handler, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(60) }, baseUrl, functionKey, timeProvider, signingSecret);
    }

    /// <summary>True when this client signs what it sends.</summary>
    public bool Signs => _signingSecret is not null;

    /// <summary>Serialises the webhook body exactly as the intake system would.</summary>
    public static byte[] SerializeRequest(DsrRequest request) => JsonSerializer.SerializeToUtf8Bytes(request, DsrJson.Options);

    /// <summary>POSTs the body to <c>api/dsr</c>, signed with <paramref name="secret"/> at the current time.</summary>
    public Task<HostResponse> SubmitAsync(byte[] body, string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return SendAsync(Signed(HttpMethod.Post, Route(DsrRoutes.Submit), body, Encoding.UTF8.GetBytes(secret)), cancellationToken);
    }

    public Task<HostResponse> GetStatusAsync(string requestId, string orgId, CancellationToken cancellationToken)
        => SendAsync(new HttpRequestMessage(HttpMethod.Get, Route(DsrRoutes.Request, requestId, orgId)), cancellationToken);

    /// <summary>One page of the org's requests (<c>GET api/dsr?orgId=</c>), filtered as given.</summary>
    public Task<HostResponse> ListAsync(string orgId, string? status, DateTimeOffset? dueBefore, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        string query = "?orgId=" + Uri.EscapeDataString(orgId)
            + (status is null ? string.Empty : "&status=" + Uri.EscapeDataString(status))
            + (dueBefore is { } due ? "&dueBefore=" + Uri.EscapeDataString(due.ToString("O", CultureInfo.InvariantCulture)) : string.Empty)
            + (pageSize is { } size ? "&pageSize=" + size.ToString(CultureInfo.InvariantCulture) : string.Empty)
            + (continuationToken is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(continuationToken));
        return SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUrl, DsrApiPath(DsrRoutes.Submit) + query)), cancellationToken);
    }

    /// <summary>GETs a status URI the host handed out (<c>statusUri</c> of the check-status payload).</summary>
    public Task<HostResponse> GetAsync(Uri uri, CancellationToken cancellationToken)
        => SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);

    public Task<HostResponse> DecideAsync(string requestId, string orgId, bool approve, string? reason, CancellationToken cancellationToken)
        => SendAsync(Operator(HttpMethod.Post, Route(approve ? DsrRoutes.Approve : DsrRoutes.Reject, requestId, orgId), ReasonBody(reason)), cancellationToken);

    public Task<HostResponse> CancelAsync(string requestId, string orgId, string? reason, CancellationToken cancellationToken)
        => SendAsync(Operator(HttpMethod.Delete, Route(DsrRoutes.Request, requestId, orgId), ReasonBody(reason)), cancellationToken);

    /// <summary>Records the one extension of the due date: <c>{"reason", "by"?}</c>.</summary>
    public Task<HostResponse> ExtendAsync(string requestId, string orgId, string reason, DeadlinePeriod? by, CancellationToken cancellationToken)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(new ExtendBody(reason, by), DsrJson.Options);
        return SendAsync(Operator(HttpMethod.Post, Route(DsrRoutes.Extend, requestId, orgId), body), cancellationToken);
    }

    /// <summary>
    /// Reads the status until the request has finished with its outcome: completed with its result, failed or canceled. A
    /// "completed" without a result (a host that read the orchestration's own status before the engine finished) is not
    /// taken as the end.
    /// </summary>
    public async Task<DsrStatusView> WaitAsync(string requestId, string orgId, Action<DsrStatusView> onProgress, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onProgress);
        while (true)
        {
            DsrStatusView view = (await GetStatusAsync(requestId, orgId, cancellationToken).ConfigureAwait(false))
                .EnsureSuccess("Reading the status").Read<DsrStatusView>();
            onProgress(view);
            if (IsFinal(view))
            {
                return view;
            }

            await Task.Delay(pollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True once the request's outcome is known: completed with its result, failed, or canceled.</summary>
    public static bool IsFinal(DsrStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Status is DsrStatus.Failed or DsrStatus.Canceled || (view.Status == DsrStatus.Completed && view.Result is not null);
    }

    public void Dispose() => _http.Dispose();

    private Uri Route(string template, string? requestId = null, string? orgId = null)
    {
        string path = DsrApiPath(template);
        if (requestId is not null)
        {
            path = path.Replace("{requestId}", Uri.EscapeDataString(requestId), StringComparison.Ordinal);
        }

        if (orgId is not null)
        {
            path += "?orgId=" + Uri.EscapeDataString(orgId);
        }

        return new Uri(_baseUrl, path);
    }

    private static byte[] ReasonBody(string? reason)
        => reason is null ? [] : JsonSerializer.SerializeToUtf8Bytes(new ReasonOnly(reason), DsrJson.Options);

    /// <summary>A call that changes something: signed when this client has the secret (the body as sent, JSON or empty).</summary>
    private HttpRequestMessage Operator(HttpMethod method, Uri uri, byte[] body)
    {
        if (_signingSecret is not null)
        {
            return Signed(method, uri, body, _signingSecret);
        }

        var request = new HttpRequestMessage(method, uri);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        }

        return request;
    }

    private HttpRequestMessage Signed(HttpMethod method, Uri uri, byte[] body, byte[] secret)
    {
        long timestamp = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(method, uri);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        }

        request.Headers.Add(DsrRoutes.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(DsrRoutes.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        return request;
    }

    private static string DsrApiPath(string template) => Apis.DsrApi.RoutePrefix + "/" + template;

    private async Task<HostResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            if (_functionKey is not null)
            {
                request.Headers.Add(FunctionKeyHeader, _functionKey);
            }

            try
            {
                using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                Uri? location = response.Headers.Location;
                return new HostResponse((int)response.StatusCode, body, location);
            }
            catch (HttpRequestException ex)
            {
                string why = ex.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : ex.HttpRequestError.ToString();
                throw new CliException(ExitCodes.Unreachable, $"Cannot reach the host at {_baseUrl}: {why}. Is it running (`dotnet run --project src/ZohoDsr.Local`)?", ex);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CliException(ExitCodes.Unreachable, $"The host at {_baseUrl} did not answer within {_http.Timeout.TotalSeconds:0} s.", ex);
            }
        }
    }

    private sealed record ReasonOnly(string Reason);

    private sealed record ExtendBody(string Reason, DeadlinePeriod? By);
}
