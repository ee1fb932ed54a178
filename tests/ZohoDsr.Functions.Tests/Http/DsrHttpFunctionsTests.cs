using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ZohoCrm.Client;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Functions.Http;
using ZohoDsr.Functions.Tests.Support;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Functions.Tests.Http;

/// <summary>The HTTP functions over Core's real <see cref="DsrHttpApi"/> and a Moq <see cref="DurableTaskClient"/> holding instances.</summary>
public sealed class DsrHttpFunctionsTests : IDisposable
{
    private const string Secret = "test-signing-secret";
    private const string Host = "https://zohodsr-func.azurewebsites.net";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly string InstanceId = DsrInstanceId.For("acme", "req-1");

    private static readonly ILoggerFactory Logs = new LoggerFactory([TestLogCapture.CreateProvider()]);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly Mock<DurableTaskClient> _client = new("test");
    private readonly ConcurrentDictionary<string, OrchestrationMetadata> _instances = new();
    private readonly DsrHttpFunctions _functions;
    private readonly string _exports = Path.Combine(Path.GetTempPath(), "zohodsr-functions-tests-" + Guid.NewGuid().ToString("N"));

    public DsrHttpFunctionsTests()
    {
        DsrOptions dsr = new();
        dsr.Webhook.SigningSecret = Secret;
        TestLogCapture.Forbid("the signing secret", Secret);
        dsr.Webhook.IncludeDurableManagementUris = true;
        ZohoCrmClientOptions zoho = new();
        zoho.Orgs["acme"] = new ZohoOrgOptions { ClientId = "1000.ACME", DataCenter = "EU" };
        _functions = new DsrHttpFunctions(new DsrHttpApiFactory(
            new DsrRequestGate(Options.Create(dsr), Options.Create(new DsrHttpOptions()), new SignatureReplayCache(_time), _time, Logs.CreateLogger<DsrRequestGate>()),
            new DsrRequestRecords(new LocalFolderExportStore(_exports)),
            Options.Create(dsr),
            Options.Create(zoho),
            Options.Create(new DeadlineOptions()),
            _time,
            Logs));

        _client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, bool _, CancellationToken _) => _instances.TryGetValue(id, out OrchestrationMetadata? metadata) ? metadata : null);
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName name, object? input, StartOrchestrationOptions? options, CancellationToken _) =>
            {
                string id = options!.InstanceId!;
                _instances[id] = Metadata(id, OrchestrationRuntimeStatus.Pending, (DsrOrchestrationInput)input!);
                return id;
            });
    }

    public void Dispose()
    {
        if (Directory.Exists(_exports))
        {
            Directory.Delete(_exports, recursive: true);
        }
    }

    [Fact]
    public async Task SubmitDsr_ValidSignature_StartsOneInstanceAndAnswers202()
    {
        TestHttpResponseData response = await Submit(Body(), signedAt: Now);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"{Host}/api/dsr/req-1?orgId=acme", response.Header("Location"));
        Assert.StartsWith("application/json", response.Header("Content-Type"));
        JsonElement payload = response.Json();
        Assert.Equal(InstanceId, payload.GetProperty("id").GetString());
        Assert.StartsWith($"{Host}/runtime/webhooks/durabletask/instances/{InstanceId}", payload.GetProperty("statusQueryGetUri").GetString());
        Assert.Equal($"{Host}/api/dsr/req-1?orgId=acme", payload.GetProperty("statusUri").GetString());
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(OrchestrationNames.DsrOrchestration),
            It.Is<object?>(i => i is DsrOrchestrationInput && ((DsrOrchestrationInput)i).RequestId == "req-1" && ((DsrOrchestrationInput)i).SubjectEmail == "Jane.Doe@example.com"
                && ((DsrOrchestrationInput)i).Type == DsrRequestType.Delete && ((DsrOrchestrationInput)i).RequireApproval),
            It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == InstanceId),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SubmitDsr_SameSignedBodyTwice_SecondRefusedAsReplayAndStartsNothing()
    {
        byte[] body = Body();
        await Submit(body, signedAt: Now);
        _time.Advance(TimeSpan.FromSeconds(20));

        TestHttpResponseData replay = await Submit(body, signedAt: Now);

        AssertProblem(replay, HttpStatusCode.Unauthorized);
        Assert.True(replay.Json().GetProperty("errors").TryGetProperty(DsrRoutes.SignatureHeader, out _));
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SubmitDsr_DuplicateWebhookSignedAgain_StartsNothingNew()
    {
        await Submit(Body(), signedAt: Now);
        _time.Advance(TimeSpan.FromMinutes(1));

        TestHttpResponseData duplicate = await Submit(Body(), signedAt: Now.AddMinutes(1));

        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SubmitDsr_SignatureOfAnotherBody_401AndNothingStarted()
    {
        byte[] signedBody = Body();
        byte[] sentBody = Body(email: "someone.else@example.com");
        TestHttpRequestData request = Request("POST", "/api/dsr", sentBody);
        request.Headers.Add("Content-Type", "application/json");
        request.Headers.Add(DsrRoutes.TimestampHeader, Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(DsrRoutes.SignatureHeader, WebhookSignature.Sign(Encoding.UTF8.GetBytes(Secret), Now.ToUnixTimeSeconds(), signedBody));

        TestHttpResponseData response = (TestHttpResponseData)await _functions.SubmitDsr(request, _client.Object, CancellationToken.None);

        AssertProblem(response, HttpStatusCode.Unauthorized);
        AssertNothingStarted();
    }

    [Fact]
    public async Task SubmitDsr_StaleTimestamp_401AndNothingStarted()
    {
        TestHttpResponseData response = await Submit(Body(), signedAt: Now.AddMinutes(-10));

        AssertProblem(response, HttpStatusCode.Unauthorized);
        Assert.Contains(DsrRoutes.TimestampHeader, response.Json().GetProperty("detail").GetString(), StringComparison.Ordinal);
        AssertNothingStarted();
    }

    [Fact]
    public async Task SubmitDsr_NoSignatureHeaders_401AndNothingStarted()
    {
        TestHttpRequestData request = Request("POST", "/api/dsr", Body());
        request.Headers.Add("Content-Type", "application/json");

        TestHttpResponseData response = (TestHttpResponseData)await _functions.SubmitDsr(request, _client.Object, CancellationToken.None);

        AssertProblem(response, HttpStatusCode.Unauthorized);
        AssertNothingStarted();
    }

    [Theory]
    [InlineData("""{"type":"access","subject":{"email":"jane@example.com"},"orgId":"acme"}""", "requestId")]
    [InlineData("""{"requestId":"r/1","type":"access","subject":{"email":"jane@example.com"},"orgId":"acme"}""", "requestId")]
    [InlineData("""{"requestId":"r1","type":"erase","subject":{"email":"jane@example.com"},"orgId":"acme"}""", "type")]
    [InlineData("""{"requestId":"r1","type":"access","subject":{"email":"jane at example"},"orgId":"acme"}""", "subject.email")]
    [InlineData("""{"requestId":"r1","type":"access","subject":{},"orgId":"acme"}""", "subject.email")]
    [InlineData("""{"requestId":"r1","type":"access","subject":{"email":"jane@example.com"},"orgId":"globex"}""", "orgId")]
    [InlineData("""{"requestId":"r1","type":"access","subject":{"email":"jane@example.com"},"orgId":"acme","dryRun":true}""", "dryRun")]
    [InlineData("""{"requestId":"r1","type":"access","subject":{"email":"jane@example.com"},"orgId":"acme","modules":["Nope"]}""", "modules[0]")]
    [InlineData("""{"requestId":"r1","type":"access","subject":{"email":"jane@example.com"},"orgId":"acme","callbackUrl":"http://intake.example.com/cb"}""", "callbackUrl")]
    [InlineData("""{"requestId":"r1","type":"access",""", "body")]
    public async Task SubmitDsr_BadBody_400ProblemNamingTheField(string json, string field)
    {
        TestHttpResponseData response = await Submit(Encoding.UTF8.GetBytes(json), signedAt: Now);

        AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.True(response.Json().GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {response.Json()}");
        AssertNothingStarted();
    }

    [Fact]
    public async Task SubmitDsr_SameRequestIdForAnotherSubject_409AndNothingNew()
    {
        await Submit(Body(), signedAt: Now);

        TestHttpResponseData response = await Submit(Body(email: "other@example.com"), signedAt: Now);

        AssertProblem(response, HttpStatusCode.Conflict);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SubmitDsr_BodyOverTheLimit_413()
    {
        byte[] body = Encoding.UTF8.GetBytes($$"""{"requestId":"r1","pad":"{{new string('x', DsrHttpApi.MaxBodyBytes)}}"}""");

        TestHttpResponseData response = await Submit(body, signedAt: Now);

        AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        AssertNothingStarted();
    }

    [Fact]
    public async Task GetDsrStatus_RunningRequest_200WithProgress()
    {
        _instances[InstanceId] = Metadata(InstanceId, OrchestrationRuntimeStatus.Running, Input(), new DsrProgress(DsrStatus.Running, "find", 1, 3, 4, 0, 0));

        TestHttpResponseData response = (TestHttpResponseData)await _functions.GetDsrStatus(Request("GET", "/api/dsr/req-1?orgId=acme"), "req-1", _client.Object, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement view = response.Json();
        Assert.Equal("req-1", view.GetProperty("requestId").GetString());
        Assert.Equal(InstanceId, view.GetProperty("instanceId").GetString());
        Assert.Equal("running", view.GetProperty("status").GetString());
        Assert.Equal("delete", view.GetProperty("type").GetString());
        Assert.Equal(4, view.GetProperty("progress").GetProperty("recordsFound").GetInt32());
        Assert.DoesNotContain("jane.doe", view.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetDsrStatus_CompletedRequest_200WithResult()
    {
        DsrResult result = new() { RequestId = "req-1", OrgId = "acme", Type = DsrRequestType.Access, Status = DsrStatus.Completed, ExportLocation = "https://st/exports/acme/req-1/export.json" };
        _instances[InstanceId] = Metadata(InstanceId, OrchestrationRuntimeStatus.Completed, Input(), output: result);

        TestHttpResponseData response = (TestHttpResponseData)await _functions.GetDsrStatus(Request("GET", "/api/dsr/req-1?orgId=acme"), "req-1", _client.Object, CancellationToken.None);

        JsonElement view = response.Json();
        Assert.Equal("completed", view.GetProperty("status").GetString());
        Assert.Equal("https://st/exports/acme/req-1/export.json", view.GetProperty("result").GetProperty("exportLocation").GetString());
    }

    [Fact]
    public async Task GetDsrStatus_UnknownRequest_404()
    {
        TestHttpResponseData response = (TestHttpResponseData)await _functions.GetDsrStatus(Request("GET", "/api/dsr/nope?orgId=acme"), "nope", _client.Object, CancellationToken.None);

        AssertProblem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetDsrStatus_NoOrgId_400NamingOrgId()
    {
        TestHttpResponseData response = (TestHttpResponseData)await _functions.GetDsrStatus(Request("GET", "/api/dsr/req-1"), "req-1", _client.Object, CancellationToken.None);

        AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.True(response.Json().GetProperty("errors").TryGetProperty("orgId", out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ApproveOrReject_AwaitingApproval_RaisesTheDecisionAnd202(bool approve)
    {
        _instances[InstanceId] = Metadata(InstanceId, OrchestrationRuntimeStatus.Running, Input(), new DsrProgress(DsrStatus.AwaitingApproval, "approval", 3, 3, 4, 0, 0));
        string path = approve ? "/api/dsr/req-1/approve?orgId=acme" : "/api/dsr/req-1/reject?orgId=acme";

        HttpResponseData response = approve
            ? await _functions.ApproveDsr(Request("POST", path), "req-1", _client.Object, CancellationToken.None)
            : await _functions.RejectDsr(Request("POST", path), "req-1", _client.Object, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        _client.Verify(c => c.RaiseEventAsync(InstanceId, EventNames.Approval, It.Is<object?>(d => d is ApprovalDecision && ((ApprovalDecision)d).Approved == approve), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ApproveDsr_NotAwaitingApproval_409AndNoEvent()
    {
        _instances[InstanceId] = Metadata(InstanceId, OrchestrationRuntimeStatus.Running, Input(), new DsrProgress(DsrStatus.Running, "find", 1, 3, 0, 0, 0));

        TestHttpResponseData response = (TestHttpResponseData)await _functions.ApproveDsr(Request("POST", "/api/dsr/req-1/approve?orgId=acme"), "req-1", _client.Object, CancellationToken.None);

        AssertProblem(response, HttpStatusCode.Conflict);
        _client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task CancelDsr_RunningRequest_TerminatesAnd202()
    {
        _instances[InstanceId] = Metadata(InstanceId, OrchestrationRuntimeStatus.Running, Input());

        HttpResponseData response = await _functions.CancelDsr(Request("DELETE", "/api/dsr/req-1?orgId=acme"), "req-1", _client.Object, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        _client.Verify(c => c.TerminateInstanceAsync(InstanceId, It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task CancelDsr_FinishedRequest_409AndNoTermination()
    {
        _instances[InstanceId] = Metadata(InstanceId, OrchestrationRuntimeStatus.Completed, Input(),
            output: new DsrResult { RequestId = "req-1", OrgId = "acme", Type = DsrRequestType.Delete, Status = DsrStatus.Completed });

        TestHttpResponseData response = (TestHttpResponseData)await _functions.CancelDsr(Request("DELETE", "/api/dsr/req-1?orgId=acme"), "req-1", _client.Object, CancellationToken.None);

        AssertProblem(response, HttpStatusCode.Conflict);
        _client.Verify(c => c.TerminateInstanceAsync(It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private async Task<TestHttpResponseData> Submit(byte[] body, DateTimeOffset signedAt)
    {
        TestHttpRequestData request = Request("POST", "/api/dsr", body);
        request.Headers.Add("Content-Type", "application/json");
        long timestamp = signedAt.ToUnixTimeSeconds();
        request.Headers.Add(DsrRoutes.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(DsrRoutes.SignatureHeader, WebhookSignature.Sign(Encoding.UTF8.GetBytes(Secret), timestamp, body));
        return (TestHttpResponseData)await _functions.SubmitDsr(request, _client.Object, CancellationToken.None);
    }

    private static TestHttpRequestData Request(string method, string pathAndQuery, byte[]? body = null)
        => new(TestFunctionContext.Create(), method, new Uri(Host + pathAndQuery), body);

    private static byte[] Body(string email = "Jane.Doe@example.com")
        => Encoding.UTF8.GetBytes($$"""{"requestId":"req-1","type":"delete","subject":{"email":" {{email}} "},"orgId":"acme","requireApproval":true}""");

    private static DsrOrchestrationInput Input() => new()
    {
        RequestId = "req-1",
        OrgId = "acme",
        Type = DsrRequestType.Delete,
        SubjectEmail = "jane.doe@example.com",
        RequireApproval = true,
        ReceivedAt = Now,
    };

    private static OrchestrationMetadata Metadata(string id, OrchestrationRuntimeStatus status, DsrOrchestrationInput input, DsrProgress? progress = null, DsrResult? output = null)
        => new(OrchestrationNames.DsrOrchestration, id)
        {
            DataConverter = JsonTestDataConverter.Instance,
            RuntimeStatus = status,
            CreatedAt = Now,
            LastUpdatedAt = Now,
            SerializedInput = JsonTestDataConverter.Instance.Serialize(input),
            SerializedCustomStatus = JsonTestDataConverter.Instance.Serialize(progress),
            SerializedOutput = JsonTestDataConverter.Instance.Serialize(output),
        };

    private static void AssertProblem(TestHttpResponseData response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.Header("Content-Type"));
        Assert.Equal((int)status, response.Json().GetProperty("status").GetInt32());
    }

    private void AssertNothingStarted()
        => _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
}
