using System.Text.Json;
using Moq;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.Telemetry;
using static ZohoDsr.Core.Tests.Http.ApiHarness;

namespace ZohoDsr.Core.Tests.Http;

public sealed class DsrHttpApiTests : IDisposable
{
    private readonly ApiHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Submit_ValidRequest_Returns202AndStartsOnce()
    {
        string instanceId = DsrInstanceId.For(OrgId, "r-1");
        _h.Instances.Setup(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync((DsrInstanceState?)null);
        DsrOrchestrationInput? started = null;
        _h.Instances.Setup(i => i.StartAsync(instanceId, It.IsAny<DsrOrchestrationInput>(), It.IsAny<CancellationToken>()))
            .Callback((string _, DsrOrchestrationInput input, CancellationToken _) => started = input)
            .Returns(Task.CompletedTask);

        DsrHttpResponse response = await _h.SubmitAsync(Body("r-1", type: "delete", extra: ",\"dryRun\":true,\"modules\":[\"Contacts\",\"Calls\"]"));

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
        Assert.Equal(_h.Time.GetUtcNow(), started.ReceivedAt);
        _h.Instances.Verify(i => i.StartAsync(It.IsAny<string>(), It.IsAny<DsrOrchestrationInput>(), It.IsAny<CancellationToken>()), Times.Once);
        string json = JsonSerializer.Serialize(response.Body, DsrJson.Options);
        Assert.Contains("\"statusQueryGetUri\"", json, StringComparison.Ordinal);
        Assert.Contains("\"id\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_Duplicate_Returns200WithoutSecondStart()
    {
        string instanceId = DsrInstanceId.For(OrgId, "r-1");
        _h.Instances.Setup(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync(_h.State(instanceId, DsrRuntimeStatus.Running, Input("r-1", Email.ToUpperInvariant())));

        DsrHttpResponse response = await _h.SubmitAsync(Body("r-1"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(instanceId, Assert.IsType<DsrManagementUris>(response.Body).Id);
        Assert.True(response.Headers.ContainsKey("Location"));
        _h.Instances.Verify(i => i.StartAsync(It.IsAny<string>(), It.IsAny<DsrOrchestrationInput>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Submit_RealDeleteUnderTheIdOfADryRun_Returns409AndStartsNothing()
    {
        string instanceId = DsrInstanceId.For(OrgId, "r-1");
        DsrOrchestrationInput dryRun = Input("r-1") with { Type = DsrRequestType.Delete, DryRun = true };
        _h.Instances.Setup(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync(_h.State(instanceId, DsrRuntimeStatus.Completed, dryRun));

        DsrHttpResponse response = await _h.SubmitAsync(Body("r-1", "delete"));

        Assert.Contains("requestId", Problem(response, 409).Errors!.Keys);
        _h.Instances.Verify(i => i.StartAsync(It.IsAny<string>(), It.IsAny<DsrOrchestrationInput>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Submit_DurableUrisNotIncluded_AnswersIdAndStatusUriOnly()
    {
        using var h = new ApiHarness(includeDurableUris: false);
        h.UseInMemoryEngine();

        DsrHttpResponse response = await h.SubmitAsync(Body("r-9"));

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
        _h.Instances.Setup(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync(_h.State(instanceId, DsrRuntimeStatus.Completed, Input("r-1", "someone.else@example.com")));

        DsrHttpResponse response = await _h.SubmitAsync(Body("r-1"));

        Problem(response, 409);
        _h.Instances.Verify(i => i.StartAsync(It.IsAny<string>(), It.IsAny<DsrOrchestrationInput>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("bad-signature", "does not match", DsrRoutes.SignatureHeader)]
    [InlineData("missing", "required", DsrRoutes.SignatureHeader)]
    [InlineData("stale", "away from the server's time", DsrRoutes.TimestampHeader)]
    [InlineData("future", "away from the server's time", DsrRoutes.TimestampHeader)]
    [InlineData("malformed", "64 hex digits", DsrRoutes.SignatureHeader)]
    [InlineData("timestamp-text", "Unix seconds", DsrRoutes.TimestampHeader)]
    public async Task Submit_SignatureProblem_Returns401NamingTheHeader(string kind, string reason, string header)
    {
        DsrHttpRequest signed = _h.Signed("POST", "api/dsr", Body("r-1"));
        DsrHttpRequest request = kind switch
        {
            "bad-signature" => _h.Signed("POST", "api/dsr", Body("r-1"), secret: "wrong"),
            "missing" => signed with { Timestamp = null, Signature = null },
            "stale" => _h.Signed("POST", "api/dsr", Body("r-1"), signedAt: _h.Time.GetUtcNow().AddHours(-1)),
            "future" => _h.Signed("POST", "api/dsr", Body("r-1"), signedAt: _h.Time.GetUtcNow().AddMinutes(6)),
            "timestamp-text" => signed with { Timestamp = "yesterday" },
            _ => signed with { Signature = "sha256=zz" },
        };

        DsrHttpResponse response = await _h.Api.SubmitAsync(request, CancellationToken.None);

        DsrProblemDetails problem = Problem(response, 401);
        Assert.Contains(reason, problem.Detail, StringComparison.Ordinal);
        Assert.Equal([header], problem.Errors!.Keys);
        _h.Instances.Verify(i => i.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Submit_SameSignatureTwice_SecondRefusedAsReplayAndNothingStartsAgain()
    {
        Dictionary<string, DsrInstanceState> engine = _h.UseInMemoryEngine();
        DsrHttpRequest request = _h.Signed("POST", "api/dsr", Body("r-replay"));

        DsrHttpResponse first = await _h.Api.SubmitAsync(request, CancellationToken.None);
        _h.Time.Advance(TimeSpan.FromSeconds(30));
        DsrHttpResponse replay = await _h.Api.SubmitAsync(request, CancellationToken.None);

        Assert.Equal(202, first.StatusCode);
        DsrProblemDetails problem = Problem(replay, 401);
        Assert.Equal([DsrRoutes.SignatureHeader], problem.Errors!.Keys);
        Assert.Contains("already used", problem.Detail, StringComparison.Ordinal);
        Assert.Single(engine);
        _h.Instances.Verify(i => i.StartAsync(It.IsAny<string>(), It.IsAny<DsrOrchestrationInput>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Submit_ResentSignedAnew_Returns200()
    {
        _h.UseInMemoryEngine();
        await _h.SubmitAsync(Body("r-again"));
        _h.Time.Advance(TimeSpan.FromSeconds(1));

        DsrHttpResponse again = await _h.SubmitAsync(Body("r-again"));

        Assert.Equal(200, again.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=latin1")]
    [InlineData(null)]
    public async Task Submit_NotJson_Returns415BeforeTheSignatureIsRead(string? contentType)
    {
        DsrHttpRequest request = _h.Signed("POST", "api/dsr", Body("r-1"), secret: "wrong", contentType: contentType);

        DsrHttpResponse response = await _h.Api.SubmitAsync(request, CancellationToken.None);

        Assert.Equal(["Content-Type"], Problem(response, 415).Errors!.Keys);
    }

    [Fact]
    public async Task Submit_KeyCheckedByHost_StillNeedsTheSignature()
    {
        DsrHttpRequest request = _h.Signed("POST", "api/dsr", Body("r-1"), secret: null) with { KeyCheckedByHost = true };

        DsrHttpResponse response = await _h.Api.SubmitAsync(request, CancellationToken.None);

        Problem(response, 401);
    }

    [Fact]
    public async Task Submit_MalformedJson_Returns400NamingPosition()
    {
        DsrHttpResponse response = await _h.SubmitAsync("{\"requestId\": \"r-1\",\n \"type\": }");

        DsrProblemDetails problem = Problem(response, 400);
        Assert.Contains("line 2", problem.Detail, StringComparison.Ordinal);
        Assert.True(problem.Errors!.ContainsKey("body"));
    }

    [Fact]
    public async Task Submit_EveryFieldBad_Returns400WithEveryFieldInErrors()
    {
        const string body = """
            {"requestId":"bad id!","type":"erase","subject":{"email":"not-an-email"},"orgId":"unknown-org",
             "modules":["Contacts","Nope","Contacts"],"dryRun":"yes","callbackUrl":"ftp://example.com/cb",
             "receivedAt":"last tuesday","regime":"hipaa","requireAproval":true}
            """;

        DsrHttpResponse response = await _h.SubmitAsync(body);

        DsrProblemDetails problem = Problem(response, 400);
        Assert.Equal(
            ["callbackUrl", "dryRun", "modules[1]", "modules[2]", "orgId", "receivedAt", "regime", "requestId", "requireAproval", "subject.email", "type"],
            problem.Errors!.Keys.Order(StringComparer.Ordinal));
        string json = JsonSerializer.Serialize(response.Body, DsrJson.Options);
        Assert.Contains("\"errors\":{", json, StringComparison.Ordinal);
        Assert.Contains("\"subject.email\":[", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"about:blank\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"requestId":"r-1","type":"access","subject":{"email":"a@example.com","name":"Jane"},"orgId":"org1"}""", "subject.name")]
    [InlineData("""{"requestId":"r-1","type":"access","subject":{"email":"a@example.com"},"orgId":"org1","orgId":"other"}""", "orgId")]
    [InlineData("""{"requestId":"r-1","type":"access","subject":{"email":"a@example.com"},"orgId":"org1","priority":1}""", "priority")]
    public async Task Submit_UnknownOrRepeatedField_Returns400NamingIt(string body, string field)
    {
        DsrHttpResponse response = await _h.SubmitAsync(body);

        Assert.Contains(field, Problem(response, 400).Errors!.Keys);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task Submit_DotRequestId_Returns400NamingRequestIdBeforeStarting(string requestId)
    {
        DsrHttpResponse response = await _h.SubmitAsync(Body(requestId));

        DsrProblemDetails problem = Problem(response, 400);
        Assert.Contains("must not start or end with '.'", Assert.Single(problem.Errors!["requestId"]), StringComparison.Ordinal);
        _h.Instances.Verify(i => i.StartAsync(It.IsAny<string>(), It.IsAny<DsrOrchestrationInput>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Submit_EmailWithCharacterOutsideTheRules_Returns400NamingTheRule()
    {
        DsrHttpResponse response = await _h.SubmitAsync("""{"requestId":"r-1","type":"access","subject":{"email":"a(b)c,d@example.com"},"orgId":"org1"}""");

        string message = Assert.Single(Problem(response, 400).Errors!["subject.email"]);
        Assert.Contains("'(' is not allowed", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_CallbackToMetadataAddress_Returns400NamingCallbackUrl()
    {
        DsrHttpResponse response = await _h.SubmitAsync(Body("r-1", extra: ",\"callbackUrl\":\"https://169.254.169.254/\""));

        Assert.Equal(["callbackUrl"], Problem(response, 400).Errors!.Keys);
    }

    [Fact]
    public async Task Submit_NotAnObject_Returns400()
    {
        DsrHttpResponse response = await _h.SubmitAsync("[1,2]");

        Assert.True(Problem(response, 400).Errors!.ContainsKey("body"));
    }

    [Fact]
    public async Task Submit_OrgIdInThreeSpellings_StartsOneInstanceUnderTheConfiguredSpelling()
    {
        Dictionary<string, DsrInstanceState> engine = _h.UseInMemoryEngine();

        DsrHttpResponse first = await _h.SubmitAsync(Body("r-case", orgId: "org1"));
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        DsrHttpResponse second = await _h.SubmitAsync(Body("r-case", orgId: "ORG1"));
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        DsrHttpResponse third = await _h.SubmitAsync(Body("r-case", orgId: "Org1"));

        Assert.Equal([202, 200, 200], new[] { first.StatusCode, second.StatusCode, third.StatusCode });
        DsrInstanceState only = Assert.Single(engine.Values);
        Assert.Equal(DsrInstanceId.For("org1", "r-case"), only.InstanceId);
        Assert.Equal("org1", only.Input!.OrgId);
        Assert.Equal($"http://127.0.0.1:7071/api/dsr/r-case?orgId=org1", Assert.IsType<DsrManagementUris>(third.Body).StatusUri);
        Assert.NotNull(await _h.Records.ReadDeadlineAsync("org1", "r-case", CancellationToken.None));
        Assert.False(Directory.Exists(Path.Combine(_h.Store.RootPath, "ORG1")));

        DsrHttpResponse status = await _h.Api.GetStatusAsync("r-case", "ORG1", CancellationToken.None);
        Assert.Equal("org1", Assert.IsType<DsrStatusView>(status.Body).OrgId);
    }

    [Fact]
    public async Task Submit_SameRequestThreeTimes_CountsOneStartedRequestByTypeAndOrg()
    {
        _h.UseInMemoryEngine();

        DsrHttpResponse first = await _h.SubmitAsync(Body("r-count", type: "delete"));
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        DsrHttpResponse second = await _h.SubmitAsync(Body("r-count", type: "delete"));
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        DsrHttpResponse other = await _h.SubmitAsync(Body("r-other"));

        Assert.Equal([202, 200, 202], new[] { first.StatusCode, second.StatusCode, other.StatusCode });
        Assert.Equal(
            [(DsrTelemetryValues.TypeAccess, OrgId, 1d), (DsrTelemetryValues.TypeDelete, OrgId, 1d)],
            _h.Metrics.Of(DsrTelemetry.RequestStarted)
                .Select(m => (m.Tag(DsrTelemetryAttributes.RequestType)!, m.Tag(DsrTelemetryAttributes.OrgId)!, m.Value))
                .Order());
    }

    [Fact]
    public async Task Submit_AnyRequest_LogsNoEmailOrSecret()
    {
        _h.UseInMemoryEngine();

        await _h.SubmitAsync(Body("r-1"));
        await _h.SubmitAsync(Body("bad id!"));

        Assert.NotEmpty(_h.Logs.Lines);
        Assert.DoesNotContain(_h.Logs.Lines, l => l.Contains(Email, StringComparison.OrdinalIgnoreCase) || l.Contains(Secret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    public async Task GetStatus_RequestIdBreakingTheRule_Returns400NamingRequestId(string requestId)
    {
        DsrHttpResponse response = await _h.Api.GetStatusAsync(requestId, OrgId, CancellationToken.None);

        Assert.True(Problem(response, 400).Errors!.ContainsKey("requestId"));
    }

    [Fact]
    public async Task GetStatus_MissingOrgId_Returns400()
    {
        DsrHttpResponse response = await _h.Api.GetStatusAsync("r-1", null, CancellationToken.None);

        Assert.True(Problem(response, 400).Errors!.ContainsKey("orgId"));
    }

    [Fact]
    public async Task GetStatus_Unknown_Returns404NamingRequestId()
    {
        _h.Instances.Setup(i => i.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((DsrInstanceState?)null);

        DsrHttpResponse response = await _h.Api.GetStatusAsync("r-1", OrgId, CancellationToken.None);

        Assert.Equal(["requestId"], Problem(response, 404).Errors!.Keys);
    }

    [Theory]
    [InlineData(DsrRuntimeStatus.Running, DsrStatus.AwaitingApproval, DsrStatus.AwaitingApproval)]
    [InlineData(DsrRuntimeStatus.Running, null, DsrStatus.Running)]
    [InlineData(DsrRuntimeStatus.Terminated, DsrStatus.Running, DsrStatus.Canceled)]
    [InlineData(DsrRuntimeStatus.Failed, null, DsrStatus.Failed)]
    [InlineData(DsrRuntimeStatus.Pending, null, DsrStatus.Pending)]
    [InlineData(DsrRuntimeStatus.Running, DsrStatus.Completed, DsrStatus.Running)]
    [InlineData(DsrRuntimeStatus.Running, DsrStatus.Failed, DsrStatus.Running)]
    [InlineData(DsrRuntimeStatus.Pending, DsrStatus.Canceled, DsrStatus.Running)]
    [InlineData(DsrRuntimeStatus.Completed, DsrStatus.Completed, DsrStatus.Failed)]
    public async Task GetStatus_Known_Returns200WithStatus(DsrRuntimeStatus runtime, DsrStatus? progress, DsrStatus expected)
    {
        string instanceId = DsrInstanceId.For(OrgId, "r-1");
        DsrInstanceState state = _h.State(instanceId, runtime, Input("r-1")) with
        {
            Progress = progress is { } p ? new DsrProgress(p, "find", 1, 3, 2, 0, 0) : null,
        };
        _h.Instances.Setup(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync(state);

        DsrHttpResponse response = await _h.Api.GetStatusAsync("r-1", OrgId, CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        DsrStatusView view = Assert.IsType<DsrStatusView>(response.Body);
        Assert.Equal(expected, view.Status);
        Assert.Equal(instanceId, view.InstanceId);
        Assert.Equal(DsrRequestType.Access, view.Type);
        Assert.DoesNotContain(Email, JsonSerializer.Serialize(view, DsrJson.Options), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetStatus_OrchestrationSaidCompletedWhileEngineRuns_NotTerminalUntilTheEngineFinishesWithTheResult()
    {
        string instanceId = DsrInstanceId.For(OrgId, "r-1");
        var result = new DsrResult { RequestId = "r-1", OrgId = OrgId, Type = DsrRequestType.Access, Status = DsrStatus.Completed, ExportLocation = "/x/export.json" };
        DsrInstanceState finishing = _h.State(instanceId, DsrRuntimeStatus.Running, Input("r-1")) with { Progress = new DsrProgress(DsrStatus.Completed, "done", 3, 3, 4, 0, 0) };
        _h.Instances.SetupSequence(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(finishing)
            .ReturnsAsync(finishing with { RuntimeStatus = DsrRuntimeStatus.Completed, Output = result });

        DsrStatusView during = Assert.IsType<DsrStatusView>((await _h.Api.GetStatusAsync("r-1", OrgId, CancellationToken.None)).Body);
        DsrStatusView after = Assert.IsType<DsrStatusView>((await _h.Api.GetStatusAsync("r-1", OrgId, CancellationToken.None)).Body);

        Assert.Equal(DsrStatus.Running, during.Status);
        Assert.Null(during.Result);
        Assert.Equal(DsrStatus.Completed, after.Status);
        Assert.Equal("/x/export.json", after.Result!.ExportLocation);
    }

    [Fact]
    public async Task Cancel_Running_TerminatesAndReturns202()
    {
        string instanceId = DsrInstanceId.For(OrgId, "r-1");
        _h.Instances.Setup(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync(_h.State(instanceId, DsrRuntimeStatus.Running, Input("r-1")));
        _h.Instances.Setup(i => i.TerminateAsync(instanceId, It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        DsrHttpResponse response = await _h.Api.CancelAsync(_h.Signed("DELETE", "api/dsr/r-1?orgId=org1"), "r-1", OrgId, CancellationToken.None);

        Assert.Equal(202, response.StatusCode);
        _h.Instances.Verify(i => i.TerminateAsync(instanceId, It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(DsrRuntimeStatus.Completed)]
    [InlineData(DsrRuntimeStatus.Failed)]
    [InlineData(DsrRuntimeStatus.Terminated)]
    public async Task Cancel_Finished_Returns409NamingStatus(DsrRuntimeStatus status)
    {
        string instanceId = DsrInstanceId.For(OrgId, "r-1");
        _h.Instances.Setup(i => i.GetAsync(instanceId, It.IsAny<CancellationToken>())).ReturnsAsync(_h.State(instanceId, status, Input("r-1")));

        DsrHttpResponse response = await _h.Api.CancelAsync(_h.Signed("DELETE", "api/dsr/r-1?orgId=org1"), "r-1", OrgId, CancellationToken.None);

        Assert.Equal(["status"], Problem(response, 409).Errors!.Keys);
    }

    [Fact]
    public async Task Cancel_Unknown_Returns404()
    {
        _h.Instances.Setup(i => i.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((DsrInstanceState?)null);

        Problem(await _h.Api.CancelAsync(_h.Signed("DELETE", "api/dsr/r-1?orgId=org1"), "r-1", OrgId, CancellationToken.None), 404);
    }

    [Fact]
    public void OpenApiDocument_Served_IsOpenApi31()
    {
        DsrHttpResponse response = DsrHttpApi.GetOpenApiDocument();

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("3.1.0", Assert.IsType<JsonElement>(response.Body).GetProperty("openapi").GetString());
    }
}
