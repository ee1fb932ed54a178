using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
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

public sealed class SendCallbackHandlerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly List<(byte[] Body, string? Timestamp, string? Signature, string? ContentType)> _received = [];
    private WebApplication _app = null!;
    private int _answer = 200;
    private CoreTestHost _host = null!;

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/callback", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            lock (_received)
            {
                _received.Add((buffer.ToArray(), context.Request.Headers[DsrRoutes.TimestampHeader], context.Request.Headers[DsrRoutes.SignatureHeader], context.Request.ContentType));
            }

            context.Response.StatusCode = _answer;
        });
        await _app.StartAsync();
        _host = CoreTestHost.Create(null, [], services: s => s.AddSingleton<TimeProvider>(_time));
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Handle_Accepted_PostsSignedSummary()
    {
        DsrResult summary = Summary();

        SendCallbackResult result = await _host.Get<SendCallbackHandler>().HandleAsync(new SendCallbackInput(CallbackUrl, summary), CancellationToken.None);

        Assert.Equal(new SendCallbackResult(true, 200), result);
        var (body, timestamp, signature, contentType) = Assert.Single(_received);
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

    [Theory]
    [InlineData(500)]
    [InlineData(404)]
    public async Task Handle_Non2xx_ThrowsForDurableRetry(int status)
    {
        _answer = status;

        HttpRequestException ex = await Assert.ThrowsAsync<HttpRequestException>(() => _host.Get<SendCallbackHandler>().HandleAsync(new SendCallbackInput(CallbackUrl, Summary()), CancellationToken.None));

        Assert.Equal(status, (int?)ex.StatusCode);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("/callback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handle_NotHttp_Throws()
        => await Assert.ThrowsAsync<ArgumentException>(() => _host.Get<SendCallbackHandler>().HandleAsync(new SendCallbackInput(new Uri("ftp://127.0.0.1/cb"), Summary()), CancellationToken.None));

    private Uri CallbackUrl => new(_app.Urls.First().TrimEnd('/') + "/callback");

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
