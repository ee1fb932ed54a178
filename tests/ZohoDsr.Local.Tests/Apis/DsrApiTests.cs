using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Cli;

namespace ZohoDsr.Local.Tests.Apis;

[Collection(LocalHostCollection.Name)]
public sealed class DsrApiTests(LocalHostFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler()) { BaseAddress = fixture.Host.BaseAddress };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Submit_WrongSignature_Returns401Problem()
    {
        byte[] body = Body("api-badsig", fixture.Subject("exact").Email);
        using HttpResponseMessage response = await PostAsync(body, "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(DsrProblemDetails.ContentType, response.Content.Headers.ContentType?.MediaType);
        DsrProblemDetails? problem = await response.Content.ReadFromJsonAsync<DsrProblemDetails>(DsrJson.Options);
        Assert.Equal(401, problem?.Status);
    }

    [Fact]
    public async Task Submit_NoSignatureHeaders_Returns401()
    {
        using var content = new ByteArrayContent(Body("api-nosig", "x@example.com"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using HttpResponseMessage response = await _http.PostAsync("api/dsr", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Submit_MissingEmail_Returns400NamingField()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"requestId":"api-noemail","type":"access","subject":{},"orgId":"demo"}""");
        using HttpResponseMessage response = await PostAsync(body, LocalHostFixture.Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(DsrProblemDetails.ContentType, response.Content.Headers.ContentType?.MediaType);
        DsrProblemDetails? problem = await response.Content.ReadFromJsonAsync<DsrProblemDetails>(DsrJson.Options);
        Assert.NotNull(problem?.Errors);
        Assert.Contains("subject.email", problem!.Errors!.Keys);
    }

    [Fact]
    public async Task Submit_UnknownOrg_Returns400NamingOrgId()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"requestId":"api-noorg","type":"access","subject":{"email":"a@example.com"},"orgId":"no-such-org"}""");
        using HttpResponseMessage response = await PostAsync(body, LocalHostFixture.Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        DsrProblemDetails? problem = await response.Content.ReadFromJsonAsync<DsrProblemDetails>(DsrJson.Options);
        Assert.Contains("orgId", problem!.Errors!.Keys);
    }

    [Fact]
    public async Task Submit_MalformedJson_Returns400Problem()
    {
        using HttpResponseMessage response = await PostAsync(Encoding.UTF8.GetBytes("{\"requestId\": "), LocalHostFixture.Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(DsrProblemDetails.ContentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Submit_Valid_Returns202WithCheckStatusPayloadAndServesItsUris()
    {
        byte[] body = Body("api-accepted", fixture.Subject("exact").Email);
        using HttpResponseMessage response = await PostAsync(body, LocalHostFixture.Secret);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        DsrManagementUris? payload = await response.Content.ReadFromJsonAsync<DsrManagementUris>(DsrJson.Options);
        Assert.NotNull(payload);
        Assert.Equal(DsrInstanceId.For("demo", "api-accepted"), payload!.Id);
        Assert.NotNull(response.Headers.Location);

        using HttpResponseMessage ours = await _http.GetAsync(new Uri(payload.StatusUri));
        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        DsrStatusView? view = await ours.Content.ReadFromJsonAsync<DsrStatusView>(DsrJson.Options);
        Assert.Equal("api-accepted", view?.RequestId);

        Assert.NotNull(payload.StatusQueryGetUri);
        using HttpResponseMessage durable = await _http.GetAsync(new Uri(payload.StatusQueryGetUri!));
        Assert.Contains(durable.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Accepted });
        using JsonDocument status = JsonDocument.Parse(await durable.Content.ReadAsStringAsync());
        Assert.Equal(payload.Id, status.RootElement.GetProperty("instanceId").GetString());
        Assert.False(status.RootElement.TryGetProperty("input", out _), "the Durable status must not echo the input (it holds the email)");
    }

    [Fact]
    public async Task Submit_SameRequestTwice_Returns200WithSameInstance()
    {
        byte[] body = Body("api-twice", fixture.Subject("exact").Email);
        long now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        using HttpResponseMessage first = await PostAsync(body, LocalHostFixture.Secret, now);
        using HttpResponseMessage second = await PostAsync(body, LocalHostFixture.Secret, now + 1);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        DsrManagementUris? a = await first.Content.ReadFromJsonAsync<DsrManagementUris>(DsrJson.Options);
        DsrManagementUris? b = await second.Content.ReadFromJsonAsync<DsrManagementUris>(DsrJson.Options);
        Assert.Equal(a!.Id, b!.Id);
    }

    [Fact]
    public async Task GetStatus_NoOrgId_Returns400()
    {
        using HttpResponseMessage response = await _http.GetAsync("api/dsr/whatever");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetStatus_UnknownRequest_Returns404()
    {
        using HttpResponseMessage response = await _http.GetAsync("api/dsr/never-submitted?orgId=demo");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Submit_SameSignedRequestTwice_SecondRefusedAsReplay()
    {
        byte[] body = Body("api-replay", fixture.Subject("exact").Email);
        long now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        using HttpResponseMessage first = await PostAsync(body, LocalHostFixture.Secret, now);
        using HttpResponseMessage replay = await PostAsync(body, LocalHostFixture.Secret, now);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        DsrProblemDetails? problem = await replay.Content.ReadFromJsonAsync<DsrProblemDetails>(DsrJson.Options);
        Assert.Contains(DsrRoutes.SignatureHeader, problem!.Errors!.Keys);
    }

    [Fact]
    public async Task Approve_UnknownRequestSigned_Returns404()
    {
        using DsrHostClient client = DsrHostClient.Create(fixture.Host.BaseAddress, null, TimeProvider.System, LocalHostFixture.Secret);
        HostResponse response = await client.DecideAsync("never-submitted", "demo", approve: true, null, CancellationToken.None);

        Assert.Equal(404, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "api/dsr/never-submitted/approve?orgId=demo")]
    [InlineData("POST", "api/dsr/never-submitted/reject?orgId=demo")]
    [InlineData("DELETE", "api/dsr/never-submitted?orgId=demo")]
    [InlineData("POST", "api/dsr/never-submitted/extend?orgId=demo")]
    public async Task OperatorRoute_FormPostFromAWebPage_RefusedBeforeAnythingElse(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "clicked a link" }),
        };

        using HttpResponseMessage response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "api/dsr/never-submitted/approve?orgId=demo")]
    [InlineData("DELETE", "api/dsr/never-submitted?orgId=demo")]
    public async Task OperatorRoute_UnsignedWithoutBody_Returns401(string method, string path)
    {
        using HttpResponseMessage response = await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Anonymous_ServesTheDocument()
    {
        using HttpResponseMessage response = await _http.GetAsync("api/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("3.1.0", document.RootElement.GetProperty("openapi").GetString());
    }

    private static byte[] Body(string requestId, string email) => DsrHostClient.SerializeRequest(new DsrRequest
    {
        RequestId = requestId,
        Type = DsrRequestType.Access,
        Subject = new DsrSubject { Email = email },
        OrgId = "demo",
    });

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string secret, long? signedAt = null)
    {
        long timestamp = signedAt ?? TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/dsr") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(DsrRoutes.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(DsrRoutes.SignatureHeader, WebhookSignature.Sign(Encoding.UTF8.GetBytes(secret), timestamp, body));
        return await _http.SendAsync(request);
    }
}
