using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using ZohoDsr.Core;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Apis;
using ZohoDsr.Local.Engine;
using ZohoDsr.Local.Tests.Support;

namespace ZohoDsr.Local.Tests.Apis;

/// <summary>Oversized bodies against a real Kestrel server carrying the local host's routes.</summary>
public sealed class RequestBodyTests : IAsyncLifetime
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    private readonly CapturingLoggerProvider _logs = new();
    private readonly string _exports = Path.Combine(Path.GetTempPath(), "zohodsr-body-" + Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders().AddProvider(_logs).SetMinimumLevel(LogLevel.Debug);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ZohoDsr:Webhook:SigningSecret"] = "test-signing-secret",
            ["ZohoDsr:Audit:SubjectKey"] = LocalHostFixture.AuditSubjectKey,
            ["ZohoDsr:Exports:Kind"] = "LocalFolder",
            ["ZohoDsr:Exports:LocalPath"] = _exports,
        });
        builder.Services.AddZohoDsrCore().AddDsrHttpApi();
        builder.Services.AddSingleton(Mock.Of<IDsrInstanceClient>());
        builder.Services.AddSingleton(Mock.Of<IDurableInstanceAdmin>());
        builder.Services.AddSingleton<ManagementServices>();
        _app = builder.Build();
        _app.MapDsrApi();
        _app.MapDurableManagementApi();
        _app.MapGroup("/echo").AddEndpointFilter(RequestBody.LimitAsync)
            .MapPost("/", async (HttpRequest request, CancellationToken cancellationToken) => Results.Ok((await RequestBody.ReadAsync(request, cancellationToken)).Length));
        await _app.StartAsync();
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        if (Directory.Exists(_exports))
        {
            Directory.Delete(_exports, recursive: true);
        }
    }

    [Theory]
    [InlineData("api/dsr")]
    [InlineData("runtime/webhooks/durabletask/instances/dsr-0123/raiseEvent/approval")]
    [InlineData("echo")]
    public async Task Post_TenMegabytesWithContentLength_413ProblemAndOneQuietLogLine(string path)
    {
        using var content = new ByteArrayContent(new byte[TenMegabytes]);

        using HttpResponseMessage response = await _http.PostAsync(path, content);

        await AssertRefusedQuietlyAsync(response);
    }

    [Fact]
    public async Task Post_TenMegabytesChunked_413ProblemAndOneQuietLogLine()
    {
        using var content = new StreamContent(new ChunkedSource(TenMegabytes));
        HttpResponseMessage? response = null;
        try
        {
            // Kestrel answers once the limit is passed and then closes the connection, since it cannot skip the rest of
            // a chunked body: the client sees the answer, or a broken pipe while it is still sending.
            response = await _http.PostAsync("echo", content);
        }
        catch (HttpRequestException ex) when (ex.InnerException is IOException)
        {
        }

        Assert.Null(content.Headers.ContentLength);
        using (response)
        {
            if (response is not null)
            {
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
                Assert.Equal(DsrProblemDetails.ContentType, response.Content.Headers.ContentType?.MediaType);
            }
        }

        await _app.StopAsync();
        AssertLoggedOnce();
    }

    [Fact]
    public async Task Post_UnderTheLimit_ReadWhole()
    {
        using var content = new ByteArrayContent(new byte[RequestBody.MaxBytes]);

        using HttpResponseMessage response = await _http.PostAsync("echo", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RequestBody.MaxBytes, await response.Content.ReadFromJsonAsync<long>());
        Assert.DoesNotContain(_logs.Entries, e => e.EventId == 5004);
    }

    private async Task AssertRefusedQuietlyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(DsrProblemDetails.ContentType, response.Content.Headers.ContentType?.MediaType);
        DsrProblemDetails? problem = await response.Content.ReadFromJsonAsync<DsrProblemDetails>(DsrJson.Options);
        Assert.Equal(413, problem?.Status);
        Assert.Contains(RequestBody.MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), problem?.Detail, StringComparison.Ordinal);
        AssertLoggedOnce();
    }

    private void AssertLoggedOnce()
    {
        CapturingLoggerProvider.Entry line = Assert.Single(_logs.Entries, e => e.EventId == 5004);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Null(line.Exception);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error || e.Exception is not null);
    }

    /// <summary>A body of known size that cannot say its length up front, so it is sent chunked.</summary>
    private sealed class ChunkedSource(long length) : Stream
    {
        private long _left = length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = (int)Math.Min(count, _left);
            Array.Clear(buffer, offset, read);
            _left -= read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
