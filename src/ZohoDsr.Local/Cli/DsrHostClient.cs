using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Local.Cli;

/// <summary>
/// Talks to a running host (this one, or the Functions app in Azure) over the HTTP contract: signed submissions, status,
/// approve / reject, cancel. Network failures become <see cref="CliException"/>s with <see cref="ExitCodes.Unreachable"/>.
/// </summary>
public sealed class DsrHostClient : IDisposable
{
    /// <summary>The header that carries an Azure Functions key.</summary>
    public const string FunctionKeyHeader = "x-functions-key";

    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string? _functionKey;
    private readonly TimeProvider _timeProvider;

    public DsrHostClient(HttpClient http, Uri baseUrl, string? functionKey, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUrl);
        _http = http;
        _baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _functionKey = string.IsNullOrEmpty(functionKey) ? null : functionKey;
        _timeProvider = timeProvider;
    }

    public Uri BaseUrl => _baseUrl;

    /// <summary>A client with its own connection handler (a CLI process makes a handful of calls).</summary>
    public static DsrHostClient Create(Uri baseUrl, string? functionKey, TimeProvider timeProvider)
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) };
        return new DsrHostClient(new HttpClient(handler, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(60) }, baseUrl, functionKey, timeProvider);
    }

    /// <summary>Serialises the webhook body exactly as the intake system would.</summary>
    public static byte[] SerializeRequest(DsrRequest request) => JsonSerializer.SerializeToUtf8Bytes(request, DsrJson.Options);

    /// <summary>POSTs the body to <c>api/dsr</c>, signed with <paramref name="secret"/> at the current time.</summary>
    public Task<HostResponse> SubmitAsync(byte[] body, string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        long timestamp = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        string signature = WebhookSignature.Sign(Encoding.UTF8.GetBytes(secret), timestamp, body);
        var request = new HttpRequestMessage(HttpMethod.Post, Route(DsrRoutes.Submit))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(DsrRoutes.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(DsrRoutes.SignatureHeader, signature);
        return SendAsync(request, cancellationToken);
    }

    public Task<HostResponse> GetStatusAsync(string requestId, string orgId, CancellationToken cancellationToken)
        => SendAsync(new HttpRequestMessage(HttpMethod.Get, Route(DsrRoutes.Request, requestId, orgId)), cancellationToken);

    /// <summary>GETs a status URI the host handed out (<c>statusUri</c> of the check-status payload).</summary>
    public Task<HostResponse> GetAsync(Uri uri, CancellationToken cancellationToken)
        => SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);

    public Task<HostResponse> DecideAsync(string requestId, string orgId, bool approve, CancellationToken cancellationToken)
        => SendAsync(new HttpRequestMessage(HttpMethod.Post, Route(approve ? DsrRoutes.Approve : DsrRoutes.Reject, requestId, orgId)), cancellationToken);

    public Task<HostResponse> CancelAsync(string requestId, string orgId, CancellationToken cancellationToken)
        => SendAsync(new HttpRequestMessage(HttpMethod.Delete, Route(DsrRoutes.Request, requestId, orgId)), cancellationToken);

    /// <summary>Reads the status until the request completes, fails or is canceled, reporting each change.</summary>
    public async Task<DsrStatusView> WaitAsync(string requestId, string orgId, Action<DsrStatusView> onProgress, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onProgress);
        while (true)
        {
            DsrStatusView view = (await GetStatusAsync(requestId, orgId, cancellationToken).ConfigureAwait(false))
                .EnsureSuccess("Reading the status").Read<DsrStatusView>();
            onProgress(view);
            if (view.Status is DsrStatus.Completed or DsrStatus.Failed or DsrStatus.Canceled)
            {
                return view;
            }

            await Task.Delay(pollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
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
}
