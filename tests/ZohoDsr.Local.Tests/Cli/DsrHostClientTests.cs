using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Cli;

namespace ZohoDsr.Local.Tests.Cli;

/// <summary>The CLI's client against scripted answers: what --wait takes as the end, and what it signs.</summary>
public sealed class DsrHostClientTests
{
    private static readonly Uri Base = new("http://127.0.0.1:7071/");

    [Fact]
    public async Task Wait_CompletedWithoutResultThenWithIt_WaitsForTheResult()
    {
        var handler = new ScriptedHandler(
            View(DsrStatus.Running, null),
            View(DsrStatus.Completed, null),
            View(DsrStatus.Completed, new DsrResult { RequestId = "r", OrgId = "demo", Type = DsrRequestType.Access, Status = DsrStatus.Completed, ExportLocation = "/x/export.json" }));
        using var client = new DsrHostClient(new HttpClient(handler), Base, null, new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(1) });

        DsrStatusView final = await client.WaitAsync("r", "demo", _ => { }, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(3, handler.Calls);
        Assert.Equal("/x/export.json", final.Result!.ExportLocation);
        Assert.Equal(ExitCodes.Ok, RequestReport.ExitCodeOf(final));
    }

    [Fact]
    public void ExitCode_CompletedWithoutResult_NotOk()
        => Assert.Equal(ExitCodes.Failed, RequestReport.ExitCodeOf(JsonSerializer.Deserialize<DsrStatusView>(View(DsrStatus.Completed, null), DsrJson.Options)!));

    [Fact]
    public async Task Decide_WithASecret_SignsTheJsonBodyItSends()
    {
        var handler = new ScriptedHandler("""{"requestId":"r","orgId":"demo","instanceId":"dsr-1","action":"reject","statusUri":"api/dsr/r?orgId=demo"}""");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        using var client = new DsrHostClient(new HttpClient(handler), Base, null, time, "the-secret");

        await client.DecideAsync("r", "demo", approve: false, "legal hold", CancellationToken.None);

        HttpRequestMessage sent = Assert.Single(handler.Requests);
        byte[] body = handler.Bodies[0];
        Assert.Equal("""{"reason":"legal hold"}""", Encoding.UTF8.GetString(body));
        Assert.Equal("application/json", sent.Content!.Headers.ContentType!.MediaType);
        long timestamp = long.Parse(sent.Headers.GetValues(DsrRoutes.TimestampHeader).Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(WebhookSignature.Sign("the-secret"u8, timestamp, body), sent.Headers.GetValues(DsrRoutes.SignatureHeader).Single());
        Assert.Equal("/api/dsr/r/reject?orgId=demo", sent.RequestUri!.PathAndQuery);
    }

    private static string View(DsrStatus status, DsrResult? result) => JsonSerializer.Serialize(new DsrStatusView
    {
        RequestId = "r",
        OrgId = "demo",
        InstanceId = "dsr-1",
        Status = status,
        Result = result,
    }, DsrJson.Options);

    private sealed class ScriptedHandler(params string[] answers) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        public List<HttpRequestMessage> Requests { get; } = [];

        public List<byte[]> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            Bodies.Add(request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken));
            string answer = answers[Math.Min(Calls, answers.Length - 1)];
            Calls++;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }
    }
}
