using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ZohoCrm.Client;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.Tests.Support;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests.Http;

public sealed class DsrHttpApiTests
{
    private const string Secret = "webhook-secret-for-tests";
    private const string OrgId = "org1";
    private const string Email = "jane.subject@example.com";
    private static readonly Uri RequestUrl = new("http://127.0.0.1:7071/api/dsr");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly Mock<IDsrInstanceClient> _instances = new(MockBehavior.Strict);
    private readonly CapturingLoggerProvider _logs = new();
    private readonly DsrHttpApi _api;

    public DsrHttpApiTests()
    {
        var zoho = new ZohoCrmClientOptions();
        zoho.Orgs[OrgId] = new ZohoOrgOptions { ClientId = "client" };
        _api = new DsrHttpApi(
            _instances.Object,
            Options.Create(new DsrOptions { Webhook = new WebhookOptions { SigningSecret = Secret, IncludeDurableManagementUris = true } }),
            Options.Create(zoho),
            _time,
            new LoggerFactory([_logs]).CreateLogger<DsrHttpApi>());
        _instances.Setup(i => i.GetManagementUris(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Uri>()))
            .Returns((string id, string requestId, string orgId, Uri _) => new DsrManagementUris
            {
                Id = id,
                StatusQueryGetUri = $"http://127.0.0.1:7071/runtime/webhooks/durabletask/instances/{id}",
                StatusUri = $"http://127.0.0.1:7071/api/dsr/{requestId}?orgId={orgId}",
            });
    }

    [Fact]
    public async Task Submit_ValidRequest_Returns202AndStartsOnce()
    {
        string instanceId = DsrInstanceId.For(OrgId, "r-1");
        _instances.Setup(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync((DsrInstanceState?)null);
        DsrOrchestrationInput? started = null;
        _instances.Setup(i => i.StartAsync(instanceId, It.IsAny<DsrOrchestrationInput>(), It.IsAny<CancellationToken>()))
            .Callback((string _, DsrOrchestrationInput input, CancellationToken _) => started = input)
            .Returns(Task.CompletedTask);

        DsrHttpResponse response = await SubmitAsync(Body("r-1", type: "delete", extra: ",\"dryRun\":true,\"modules\":[\"Contacts\",\"Calls\"]"));

        Assert.Equal(202, response.StatusCode);
        Assert.Equal("application/json", response.ContentType);
        DsrManagementUris uris = Assert.IsType<DsrManagementUris>(response.Body);
        Assert.Equal(instanceId, uris.Id);
        Assert.Equal(uris.StatusUri, response.Headers["Location"]);
        Assert.NotNull(started);
        Assert.Equal(DsrRequestType.Delete, started.Type);
        Assert.Equal(Email, started.SubjectEmail);
        Assert.True(started.DryRun);
        Assert.Equal(["Contacts", "Calls"], started.Modules);
        Assert.Equal(_time.GetUtcNow(), started.ReceivedAt);
        _instances.Verify(i => i.StartAsync(It.IsAny<string>(), It.IsAny<DsrOrchestrationInput>(), It.IsAny<CancellationToken>()), Times.Once);
        string json = JsonSerializer.Serialize(response.Body, DsrJson.Options);
        Assert.Contains("\"statusQueryGetUri\"", json, StringComparison.Ordinal);
        Assert.Contains("\"id\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_Duplicate_Returns200WithoutSecondStart()
    {
        string instanceId = DsrInstanceId.For(OrgId, "r-1");
        _instances.Setup(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync(State(instanceId, DsrRuntimeStatus.Running, Input("r-1", Email.ToUpperInvariant())));

        DsrHttpResponse response = await SubmitAsync(Body("r-1"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(instanceId, Assert.IsType<DsrManagementUris>(response.Body).Id);
        Assert.True(response.Headers.ContainsKey("Location"));
        _instances.Verify(i => i.StartAsync(It.IsAny<string>(), It.IsAny<DsrOrchestrationInput>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Submit_RealDeleteUnderTheIdOfADryRun_Returns409AndStartsNothing()
    {
        string instanceId = DsrInstanceId.For(OrgId, "r-1");
        DsrOrchestrationInput dryRun = Input("r-1", Email) with { Type = DsrRequestType.Delete, DryRun = true };
        _instances.Setup(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync(State(instanceId, DsrRuntimeStatus.Completed, dryRun));

        DsrHttpResponse response = await SubmitAsync(Body("r-1", "delete"));

        Assert.Equal(409, response.StatusCode);
        _instances.Verify(i => i.StartAsync(It.IsAny<string>(), It.IsAny<DsrOrchestrationInput>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Submit_DurableUrisNotIncluded_AnswersIdAndStatusUriOnly()
    {
        var zoho = new ZohoCrmClientOptions();
        zoho.Orgs[OrgId] = new ZohoOrgOptions { ClientId = "client" };
        var api = new DsrHttpApi(
            _instances.Object,
            Options.Create(new DsrOptions { Webhook = new WebhookOptions { SigningSecret = Secret } }),
            Options.Create(zoho),
            _time,
            new LoggerFactory([_logs]).CreateLogger<DsrHttpApi>());
        string instanceId = DsrInstanceId.For(OrgId, "r-9");
        _instances.Setup(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync((DsrInstanceState?)null);
        _instances.Setup(i => i.StartAsync(instanceId, It.IsAny<DsrOrchestrationInput>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        byte[] body = Encoding.UTF8.GetBytes(Body("r-9"));
        long timestamp = _time.GetUtcNow().ToUnixTimeSeconds();

        DsrHttpResponse response = await api.SubmitAsync(
            body, timestamp.ToString(), WebhookSignature.Sign(Encoding.UTF8.GetBytes(Secret), timestamp, body), RequestUrl, CancellationToken.None);

        Assert.Equal(202, response.StatusCode);
        string json = JsonSerializer.Serialize(response.Body, DsrJson.Options);
        Assert.DoesNotContain("statusQueryGetUri", json, StringComparison.Ordinal);
        Assert.Contains("\"statusUri\"", json, StringComparison.Ordinal);
        Assert.Contains("\"id\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_SameRequestIdOtherSubject_Returns409()
    {
        string instanceId = DsrInstanceId.For(OrgId, "r-1");
        _instances.Setup(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync(State(instanceId, DsrRuntimeStatus.Completed, Input("r-1", "someone.else@example.com")));

        DsrHttpResponse response = await SubmitAsync(Body("r-1"));

        Assert.Equal(409, response.StatusCode);
        Assert.Equal(DsrProblemDetails.ContentType, response.ContentType);
        _instances.Verify(i => i.StartAsync(It.IsAny<string>(), It.IsAny<DsrOrchestrationInput>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("bad-signature", "does not match")]
    [InlineData("missing", "required")]
    [InlineData("stale", "away from the server's time")]
    [InlineData("malformed", "64 hex digits")]
    public async Task Submit_SignatureProblem_Returns401WithReason(string kind, string reason)
    {
        byte[] body = Encoding.UTF8.GetBytes(Body("r-1"));
        long now = _time.GetUtcNow().ToUnixTimeSeconds();
        (string? timestamp, string? signature) = kind switch
        {
            "bad-signature" => (now.ToString(), WebhookSignature.Sign(Encoding.UTF8.GetBytes("wrong"), now, body)),
            "missing" => ((string?)null, (string?)null),
            "stale" => ((now - 3600).ToString(), WebhookSignature.Sign(Encoding.UTF8.GetBytes(Secret), now - 3600, body)),
            _ => (now.ToString(), "sha256=zz"),
        };

        DsrHttpResponse response = await _api.SubmitAsync(body, timestamp, signature, RequestUrl, CancellationToken.None);

        Assert.Equal(401, response.StatusCode);
        Assert.Equal(DsrProblemDetails.ContentType, response.ContentType);
        DsrProblemDetails problem = Assert.IsType<DsrProblemDetails>(response.Body);
        Assert.Equal(401, problem.Status);
        Assert.Contains(reason, problem.Detail, StringComparison.Ordinal);
        _instances.Verify(i => i.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Submit_MalformedJson_Returns400NamingPosition()
    {
        DsrHttpResponse response = await SubmitAsync("{\"requestId\": \"r-1\",\n \"type\": }");

        Assert.Equal(400, response.StatusCode);
        DsrProblemDetails problem = Assert.IsType<DsrProblemDetails>(response.Body);
        Assert.Contains("line 2", problem.Detail, StringComparison.Ordinal);
        Assert.True(problem.Errors!.ContainsKey("body"));
    }

    [Fact]
    public async Task Submit_EveryFieldBad_Returns400WithEveryFieldInErrors()
    {
        const string body = """
            {"requestId":"bad id!","type":"erase","subject":{"email":"not-an-email"},"orgId":"unknown-org",
             "modules":["Contacts","Nope","Contacts"],"dryRun":"yes","callbackUrl":"ftp://example.com/cb"}
            """;

        DsrHttpResponse response = await SubmitAsync(body);

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(DsrProblemDetails.ContentType, response.ContentType);
        DsrProblemDetails problem = Assert.IsType<DsrProblemDetails>(response.Body);
        Assert.Equal(["callbackUrl", "dryRun", "modules[1]", "modules[2]", "orgId", "requestId", "subject.email", "type"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
        string json = JsonSerializer.Serialize(response.Body, DsrJson.Options);
        Assert.Contains("\"errors\":{", json, StringComparison.Ordinal);
        Assert.Contains("\"subject.email\":[", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"about:blank\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task Submit_DotRequestId_Returns400NamingRequestIdBeforeStarting(string requestId)
    {
        DsrHttpResponse response = await SubmitAsync(Body(requestId));

        Assert.Equal(400, response.StatusCode);
        DsrProblemDetails problem = Assert.IsType<DsrProblemDetails>(response.Body);
        Assert.Contains("must not start or end with '.'", Assert.Single(problem.Errors!["requestId"]), StringComparison.Ordinal);
        _instances.Verify(i => i.StartAsync(It.IsAny<string>(), It.IsAny<DsrOrchestrationInput>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Submit_EmailWithCharacterOutsideTheRules_Returns400NamingTheRule()
    {
        DsrHttpResponse response = await SubmitAsync("""{"requestId":"r-1","type":"access","subject":{"email":"a(b)c,d@example.com"},"orgId":"org1"}""");

        Assert.Equal(400, response.StatusCode);
        string message = Assert.Single(Assert.IsType<DsrProblemDetails>(response.Body).Errors!["subject.email"]);
        Assert.Contains("'(' is not allowed", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_CallbackToMetadataAddress_Returns400NamingCallbackUrl()
    {
        DsrHttpResponse response = await SubmitAsync(Body("r-1", extra: ",\"callbackUrl\":\"https://169.254.169.254/\""));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(["callbackUrl"], Assert.IsType<DsrProblemDetails>(response.Body).Errors!.Keys);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    public async Task GetStatus_RequestIdBreakingTheRule_Returns400NamingRequestId(string requestId)
    {
        DsrHttpResponse response = await _api.GetStatusAsync(requestId, OrgId, CancellationToken.None);

        Assert.Equal(400, response.StatusCode);
        Assert.True(Assert.IsType<DsrProblemDetails>(response.Body).Errors!.ContainsKey("requestId"));
    }

    [Fact]
    public async Task Submit_NotAnObject_Returns400()
    {
        DsrHttpResponse response = await SubmitAsync("[1,2]");

        Assert.Equal(400, response.StatusCode);
        Assert.True(Assert.IsType<DsrProblemDetails>(response.Body).Errors!.ContainsKey("body"));
    }

    [Fact]
    public async Task Submit_AnyRequest_LogsNoEmail()
    {
        _instances.Setup(i => i.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((DsrInstanceState?)null);
        _instances.Setup(i => i.StartAsync(It.IsAny<string>(), It.IsAny<DsrOrchestrationInput>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        await SubmitAsync(Body("r-1"));
        await SubmitAsync(Body("bad id!"));

        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(Email, StringComparison.OrdinalIgnoreCase) || l.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetStatus_MissingOrgId_Returns400()
    {
        DsrHttpResponse response = await _api.GetStatusAsync("r-1", null, CancellationToken.None);

        Assert.Equal(400, response.StatusCode);
        Assert.True(Assert.IsType<DsrProblemDetails>(response.Body).Errors!.ContainsKey("orgId"));
    }

    [Fact]
    public async Task GetStatus_Unknown_Returns404()
    {
        _instances.Setup(i => i.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((DsrInstanceState?)null);

        DsrHttpResponse response = await _api.GetStatusAsync("r-1", OrgId, CancellationToken.None);

        Assert.Equal(404, response.StatusCode);
        Assert.Equal(DsrProblemDetails.ContentType, response.ContentType);
    }

    [Theory]
    [InlineData(DsrRuntimeStatus.Running, DsrStatus.AwaitingApproval, DsrStatus.AwaitingApproval)]
    [InlineData(DsrRuntimeStatus.Running, null, DsrStatus.Running)]
    [InlineData(DsrRuntimeStatus.Terminated, DsrStatus.Running, DsrStatus.Canceled)]
    [InlineData(DsrRuntimeStatus.Failed, null, DsrStatus.Failed)]
    [InlineData(DsrRuntimeStatus.Pending, null, DsrStatus.Pending)]
    public async Task GetStatus_Known_Returns200WithStatus(DsrRuntimeStatus runtime, DsrStatus? progress, DsrStatus expected)
    {
        string instanceId = DsrInstanceId.For(OrgId, "r-1");
        DsrInstanceState state = State(instanceId, runtime, Input("r-1", Email)) with
        {
            Progress = progress is { } p ? new DsrProgress(p, "find", 1, 3, 2, 0, 0) : null,
        };
        _instances.Setup(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync(state);

        DsrHttpResponse response = await _api.GetStatusAsync("r-1", OrgId, CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        DsrStatusView view = Assert.IsType<DsrStatusView>(response.Body);
        Assert.Equal(expected, view.Status);
        Assert.Equal(instanceId, view.InstanceId);
        Assert.Equal(DsrRequestType.Access, view.Type);
        Assert.DoesNotContain(Email, JsonSerializer.Serialize(view, DsrJson.Options), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Decide_AwaitingApproval_RaisesEventAndReturns202()
    {
        string instanceId = DsrInstanceId.For(OrgId, "r-1");
        _instances.Setup(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync(
            State(instanceId, DsrRuntimeStatus.Running, Input("r-1", Email)) with { Progress = new DsrProgress(DsrStatus.AwaitingApproval, "approval", 3, 3, 4, 0, 0) });
        object? raised = null;
        _instances.Setup(i => i.RaiseEventAsync(instanceId, EventNames.Approval, It.IsAny<object>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, object payload, CancellationToken _) => raised = payload)
            .Returns(Task.CompletedTask);

        DsrHttpResponse response = await _api.DecideAsync("r-1", OrgId, approve: false, CancellationToken.None);

        Assert.Equal(202, response.StatusCode);
        Assert.Equal("reject", Assert.IsType<DsrActionAccepted>(response.Body).Action);
        Assert.False(Assert.IsType<ApprovalDecision>(raised).Approved);
    }

    [Fact]
    public async Task Decide_NotAwaitingApproval_Returns409()
    {
        string instanceId = DsrInstanceId.For(OrgId, "r-1");
        _instances.Setup(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync(State(instanceId, DsrRuntimeStatus.Running, Input("r-1", Email)));

        DsrHttpResponse response = await _api.DecideAsync("r-1", OrgId, approve: true, CancellationToken.None);

        Assert.Equal(409, response.StatusCode);
        _instances.Verify(i => i.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Decide_Unknown_Returns404()
    {
        _instances.Setup(i => i.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((DsrInstanceState?)null);

        Assert.Equal(404, (await _api.DecideAsync("r-1", OrgId, approve: true, CancellationToken.None)).StatusCode);
    }

    [Fact]
    public async Task Cancel_Running_TerminatesAndReturns202()
    {
        string instanceId = DsrInstanceId.For(OrgId, "r-1");
        _instances.Setup(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync(State(instanceId, DsrRuntimeStatus.Running, Input("r-1", Email)));
        _instances.Setup(i => i.TerminateAsync(instanceId, It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        DsrHttpResponse response = await _api.CancelAsync("r-1", OrgId, CancellationToken.None);

        Assert.Equal(202, response.StatusCode);
        _instances.Verify(i => i.TerminateAsync(instanceId, It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(DsrRuntimeStatus.Completed)]
    [InlineData(DsrRuntimeStatus.Failed)]
    [InlineData(DsrRuntimeStatus.Terminated)]
    public async Task Cancel_Finished_Returns409(DsrRuntimeStatus status)
    {
        string instanceId = DsrInstanceId.For(OrgId, "r-1");
        _instances.Setup(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync(State(instanceId, status, Input("r-1", Email)));

        Assert.Equal(409, (await _api.CancelAsync("r-1", OrgId, CancellationToken.None)).StatusCode);
    }

    [Fact]
    public async Task Cancel_Unknown_Returns404()
    {
        _instances.Setup(i => i.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((DsrInstanceState?)null);

        Assert.Equal(404, (await _api.CancelAsync("r-1", OrgId, CancellationToken.None)).StatusCode);
    }

    private Task<DsrHttpResponse> SubmitAsync(string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        long timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        return _api.SubmitAsync(body, timestamp.ToString(), WebhookSignature.Sign(Encoding.UTF8.GetBytes(Secret), timestamp, body), RequestUrl, CancellationToken.None);
    }

    private static string Body(string requestId, string type = "access", string extra = "")
        => $"{{\"requestId\":\"{requestId}\",\"type\":\"{type}\",\"subject\":{{\"email\":\"{Email}\"}},\"orgId\":\"{OrgId}\"{extra}}}";

    private static DsrOrchestrationInput Input(string requestId, string email) => new()
    {
        RequestId = requestId,
        OrgId = OrgId,
        Type = DsrRequestType.Access,
        SubjectEmail = email,
    };

    private DsrInstanceState State(string instanceId, DsrRuntimeStatus status, DsrOrchestrationInput input)
        => new(instanceId, status, input, null, null, _time.GetUtcNow(), _time.GetUtcNow(), status == DsrRuntimeStatus.Failed ? "boom" : null);
}
