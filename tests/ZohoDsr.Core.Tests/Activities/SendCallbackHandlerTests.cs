using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Tests.Support;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests.Activities;

/// <summary>
/// The callback against a real Kestrel listener on 127.0.0.1, reached by address or through <c>localhost</c> (a name that
/// resolves to loopback), with the callback client exactly as <c>AddZohoDsrCore</c> registers it.
/// </summary>
public sealed class SendCallbackHandlerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly List<(string Path, byte[] Body, string? Timestamp, string? Signature, string? ContentType)> _received = [];
    private readonly List<CoreTestHost> _hosts = [];
    private WebApplication _app = null!;
    private int _answer = 200;
    private int _connections;
    private int _port;

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => connection =>
        {
            Interlocked.Increment(ref _connections);
            return next(connection);
        })));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/callback", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            lock (_received)
            {
                _received.Add((context.Request.Path, buffer.ToArray(), context.Request.Headers[DsrRoutes.TimestampHeader], context.Request.Headers[DsrRoutes.SignatureHeader], context.Request.ContentType));
            }

            context.Response.StatusCode = _answer;
        });
        _app.MapPost("/moved", (HttpContext context) => Results.Redirect("/callback", permanent: false, preserveMethod: true));
        await _app.StartAsync();
        _port = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;
    }

    public async Task DisposeAsync()
    {
        foreach (CoreTestHost host in _hosts)
        {
            host.Dispose();
        }

        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Handle_LoopbackAllowedForDevelopment_PostsSignedSummary()
    {
        CoreTestHost host = Host(("ZohoDsr:Webhook:AllowLoopbackCallbacks", "true"));
        DsrResult summary = Summary();

        SendCallbackResult result = await host.Get<SendCallbackHandler>().HandleAsync(SendCallbackInput.Of(Url("http", "127.0.0.1"), summary), CancellationToken.None);

        Assert.Equal(new SendCallbackResult(true, 200), result);
        var (_, body, timestamp, signature, contentType) = Assert.Single(_received);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeSeconds().ToString(), timestamp);
        Assert.Equal(
            WebhookSignatureResult.Valid,
            WebhookSignature.Verify(Encoding.UTF8.GetBytes(CoreTestHost.SigningSecret), timestamp, signature, body, _time.GetUtcNow(), TimeSpan.FromMinutes(5)));
        DsrResult sent = JsonSerializer.Deserialize<DsrResult>(body, DsrJson.Options)!;
        Assert.Equal(summary.RequestId, sent.RequestId);
        Assert.Equal(DsrStatus.Completed, sent.Status);
        Assert.Contains("\"status\":\"completed\"", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_HostNameResolvingToLoopback_RefusedBeforeAnyConnection()
    {
        CoreTestHost host = Host();

        SendCallbackResult result = await host.Get<SendCallbackHandler>().HandleAsync(SendCallbackInput.Of(Url("https", "localhost"), Summary()), CancellationToken.None);

        Assert.Equal(new SendCallbackResult(false, 0), result);
        Assert.Equal(0, Volatile.Read(ref _connections));
        Assert.Empty(_received);
        Assert.Contains(host.Logs.Lines, l => l.Contains("[3026]", StringComparison.Ordinal));
        Assert.Contains("\"outcome\":\"refused\"", await AuditAsync(host), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("localhost", StringComparison.OrdinalIgnoreCase) || l.Contains("/callback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handle_HttpToHostNameResolvingToLoopback_DeliveredOnlyWhenLoopbackAllowed()
    {
        SendCallbackResult refused = await Host().Get<SendCallbackHandler>().HandleAsync(SendCallbackInput.Of(Url("http", "localhost"), Summary()), CancellationToken.None);
        Assert.Equal(0, Volatile.Read(ref _connections));

        SendCallbackResult delivered = await Host(("ZohoDsr:Webhook:AllowLoopbackCallbacks", "true")).Get<SendCallbackHandler>()
            .HandleAsync(SendCallbackInput.Of(Url("http", "localhost"), Summary()), CancellationToken.None);

        Assert.Equal(new SendCallbackResult(false, 0), refused);
        Assert.Equal(new SendCallbackResult(true, 200), delivered);
        Assert.Single(_received);
    }

    [Theory]
    [InlineData("127.0.0.0/8")]
    [InlineData("localhost")]
    public async Task Handle_AllowListNamesLoopback_Connects(string allowed)
    {
        CoreTestHost host = Host(("ZohoDsr:Webhook:CallbackAllowedHosts:0", allowed));

        // The listener speaks plain HTTP, so the TLS handshake fails: what counts is that the connection was allowed.
        await Assert.ThrowsAsync<HttpRequestException>(() => host.Get<SendCallbackHandler>().HandleAsync(SendCallbackInput.Of(Url("https", "localhost"), Summary()), CancellationToken.None));

        Assert.True(Volatile.Read(ref _connections) >= 1);
    }

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::ffff:127.0.0.1]/callback")]
    [InlineData("ftp://127.0.0.1/callback")]
    public async Task Handle_RefusedUrl_NotSentAndNotRetried(string url)
    {
        SendCallbackResult result = await Host().Get<SendCallbackHandler>().HandleAsync(SendCallbackInput.Of(new Uri(url), Summary()), CancellationToken.None);

        Assert.Equal(new SendCallbackResult(false, 0), result);
        Assert.Equal(0, Volatile.Read(ref _connections));
    }

    [Fact]
    public async Task Handle_Redirect_FailsWithoutFollowing()
    {
        CoreTestHost host = Host(("ZohoDsr:Webhook:AllowLoopbackCallbacks", "true"));

        HttpRequestException ex = await Assert.ThrowsAsync<HttpRequestException>(() => host.Get<SendCallbackHandler>()
            .HandleAsync(SendCallbackInput.Of(new Uri($"http://127.0.0.1:{_port}/moved"), Summary()), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, ex.StatusCode);
        Assert.Empty(_received);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(404)]
    public async Task Handle_Non2xx_ThrowsForDurableRetry(int status)
    {
        _answer = status;
        CoreTestHost host = Host(("ZohoDsr:Webhook:AllowLoopbackCallbacks", "true"));

        HttpRequestException ex = await Assert.ThrowsAsync<HttpRequestException>(() => host.Get<SendCallbackHandler>().HandleAsync(SendCallbackInput.Of(Url("http", "127.0.0.1"), Summary()), CancellationToken.None));

        Assert.Equal(status, (int?)ex.StatusCode);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("/callback", StringComparison.Ordinal));
    }

    private Uri Url(string scheme, string host) => new($"{scheme}://{host}:{_port}/callback");

    private CoreTestHost Host(params (string Key, string Value)[] settings)
    {
        CoreTestHost host = CoreTestHost.Create(null, [], settings.ToDictionary(s => s.Key, s => (string?)s.Value), services: s => s.AddSingleton<TimeProvider>(_time));
        _hosts.Add(host);
        return host;
    }

    private static async Task<string> AuditAsync(CoreTestHost host)
    {
        string path = Directory.EnumerateFiles(host.ExportPath, "audit.jsonl", SearchOption.AllDirectories).Single();
        return await File.ReadAllTextAsync(path);
    }

    private DsrResult Summary() => new()
    {
        RequestId = "r-cb",
        OrgId = "org1",
        Type = DsrRequestType.Delete,
        Status = DsrStatus.Completed,
        Records = [new RecordOutcome("Contacts", "1", RecordOutcomeKind.Deleted)],
        StartedAt = _time.GetUtcNow(),
    };
}
