using Moq;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;
using static ZohoDsr.Core.Tests.Http.ApiHarness;

namespace ZohoDsr.Core.Tests.Http;

/// <summary>Approve, reject and cancel: who may call them, and the first decision wins.</summary>
public sealed class DsrHttpApiDecisionTests : IDisposable
{
    private static readonly string InstanceId = DsrInstanceId.For(OrgId, "r-1");
    private readonly ApiHarness _h = new(operatorKey: OperatorKey);
    private readonly List<(string Kind, object? Payload)> _carriedOut = [];

    public DsrHttpApiDecisionTests()
    {
        _h.Instances.Setup(i => i.GetAsync(InstanceId, It.IsAny<CancellationToken>())).ReturnsAsync(
            _h.State(InstanceId, DsrRuntimeStatus.Running, Input("r-1") with { Type = DsrRequestType.Delete, RequireApproval = true })
                with { Progress = new DsrProgress(DsrStatus.AwaitingApproval, "approval", 3, 3, 4, 0, 0) });
        _h.Instances.Setup(i => i.RaiseEventAsync(InstanceId, EventNames.Approval, It.IsAny<object>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, object payload, CancellationToken _) => { lock (_carriedOut) { _carriedOut.Add(("event", payload)); } })
            .Returns(Task.CompletedTask);
        _h.Instances.Setup(i => i.TerminateAsync(InstanceId, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback(() => { lock (_carriedOut) { _carriedOut.Add(("terminate", null)); } })
            .Returns(Task.CompletedTask);
    }

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Decide_AwaitingApproval_RecordsThenRaisesAndReturns202()
    {
        DsrHttpResponse response = await RejectAsync("""{"reason":"legal hold"}""");

        Assert.Equal(202, response.StatusCode);
        Assert.Equal("reject", Assert.IsType<DsrActionAccepted>(response.Body).Action);
        Assert.False(Assert.IsType<ApprovalDecision>(Assert.Single(_carriedOut).Payload).Approved);
        DsrDecision recorded = (await _h.Records.ReadDecisionAsync(OrgId, "r-1", CancellationToken.None))!;
        Assert.Equal(DsrDecision.Reject, recorded.Action);
        Assert.Equal("legal hold", recorded.Reason);
        Assert.Equal(_h.Time.GetUtcNow(), recorded.DecidedAt);
    }

    [Fact]
    public async Task Decide_ApproveRejectRejectCancelRacing_OneTakesEffectTheOthersAnswer409NamingIt()
    {
        DsrHttpRequest[] requests =
        [
            _h.Signed("POST", "api/dsr/r-1/approve?orgId=org1", """{"reason":"a"}"""),
            _h.Signed("POST", "api/dsr/r-1/reject?orgId=org1", """{"reason":"b"}"""),
            _h.Signed("POST", "api/dsr/r-1/reject?orgId=org1", """{"reason":"c"}"""),
            _h.Signed("DELETE", "api/dsr/r-1?orgId=org1", """{"reason":"d"}"""),
        ];

        DsrHttpResponse[] answers = await Task.WhenAll(
            Task.Run(() => _h.Api.DecideAsync(requests[0], "r-1", OrgId, approve: true, CancellationToken.None)),
            Task.Run(() => _h.Api.DecideAsync(requests[1], "r-1", OrgId, approve: false, CancellationToken.None)),
            Task.Run(() => _h.Api.DecideAsync(requests[2], "r-1", OrgId, approve: false, CancellationToken.None)),
            Task.Run(() => _h.Api.CancelAsync(requests[3], "r-1", OrgId, CancellationToken.None)));

        DsrHttpResponse winner = Assert.Single(answers, a => a.StatusCode == 202);
        string action = Assert.IsType<DsrActionAccepted>(winner.Body).Action;
        DsrDecision recorded = (await _h.Records.ReadDecisionAsync(OrgId, "r-1", CancellationToken.None))!;
        Assert.Equal(action, recorded.Action);
        foreach (DsrHttpResponse loser in answers.Where(a => a.StatusCode != 202))
        {
            DsrProblemDetails problem = Problem(loser, 409);
            Assert.Equal(recorded, problem.Decision);
            Assert.Contains(action, problem.Errors!["decision"][0], StringComparison.Ordinal);
        }

        // The winner's decision is carried out; a repeat of it may carry it out again, the others never.
        Assert.NotEmpty(_carriedOut);
        Assert.All(_carriedOut, c => Assert.Equal(
            action == DsrDecision.Cancel ? "terminate" : "event",
            c.Kind));
        if (action != DsrDecision.Cancel)
        {
            Assert.All(_carriedOut, c => Assert.Equal(action == DsrDecision.Approve, ((ApprovalDecision)c.Payload!).Approved));
        }
    }

    [Fact]
    public async Task Decide_AfterAnotherDecision_Returns409NamingItAndWhen()
    {
        await RejectAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(1));

        DsrHttpResponse approve = await _h.Api.DecideAsync(_h.Signed("POST", "api/dsr/r-1/approve?orgId=org1"), "r-1", OrgId, approve: true, CancellationToken.None);

        DsrProblemDetails problem = Problem(approve, 409);
        Assert.Equal(DsrDecision.Reject, problem.Decision!.Action);
        Assert.Equal(_h.Time.GetUtcNow().AddMinutes(-1), problem.Decision.DecidedAt);
        Assert.All(_carriedOut, c => Assert.False(((ApprovalDecision)c.Payload!).Approved));
    }

    [Fact]
    public async Task Decide_RepeatOfTheWinningDecisionWhileStillAwaiting_409AndSentAgain()
    {
        await RejectAsync();
        _h.Time.Advance(TimeSpan.FromSeconds(2));

        DsrHttpResponse again = await RejectAsync();

        Assert.Equal(DsrDecision.Reject, Problem(again, 409).Decision!.Action);
        Assert.Equal(2, _carriedOut.Count);
    }

    [Fact]
    public async Task Decide_NotAwaitingApproval_Returns409NamingStatusAndRecordsNothing()
    {
        string other = DsrInstanceId.For(OrgId, "r-2");
        _h.Instances.Setup(i => i.GetAsync(other, It.IsAny<CancellationToken>())).ReturnsAsync(_h.State(other, DsrRuntimeStatus.Running, Input("r-2")));

        DsrHttpResponse response = await _h.Api.DecideAsync(_h.Signed("POST", "api/dsr/r-2/approve?orgId=org1"), "r-2", OrgId, approve: true, CancellationToken.None);

        Assert.Equal(["status"], Problem(response, 409).Errors!.Keys);
        Assert.Null(await _h.Records.ReadDecisionAsync(OrgId, "r-2", CancellationToken.None));
        Assert.Empty(_carriedOut);
    }

    [Fact]
    public async Task Decide_Unknown_Returns404()
    {
        _h.Instances.Setup(i => i.GetAsync(DsrInstanceId.For(OrgId, "r-none"), It.IsAny<CancellationToken>())).ReturnsAsync((DsrInstanceState?)null);

        Problem(await _h.Api.DecideAsync(_h.Signed("POST", "api/dsr/r-none/approve?orgId=org1"), "r-none", OrgId, approve: true, CancellationToken.None), 404);
    }

    [Fact]
    public async Task Decide_Unsigned_Returns401AndTouchesNothing()
    {
        DsrHttpRequest unsigned = _h.Signed("POST", "api/dsr/r-1/approve?orgId=org1", secret: null);

        DsrHttpResponse response = await _h.Api.DecideAsync(unsigned, "r-1", OrgId, approve: true, CancellationToken.None);

        Assert.Equal([DsrRoutes.SignatureHeader], Problem(response, 401).Errors!.Keys);
        _h.Instances.Verify(i => i.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Empty(_carriedOut);
    }

    [Fact]
    public async Task Decide_FormPost_Returns415BeforeAnythingElse()
    {
        DsrHttpRequest form = _h.Signed("POST", "api/dsr/r-1/approve?orgId=org1", "reason=x", secret: null, contentType: "application/x-www-form-urlencoded");

        DsrHttpResponse response = await _h.Api.DecideAsync(form, "r-1", OrgId, approve: true, CancellationToken.None);

        Assert.Equal(["Content-Type"], Problem(response, 415).Errors!.Keys);
        _h.Instances.Verify(i => i.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Decide_OperatorKeyInsteadOfSignature_Accepted()
    {
        DsrHttpRequest keyed = _h.Signed("POST", "api/dsr/r-1/approve?orgId=org1", secret: null) with { Key = OperatorKey };

        Assert.Equal(202, (await _h.Api.DecideAsync(keyed, "r-1", OrgId, approve: true, CancellationToken.None)).StatusCode);
    }

    [Fact]
    public async Task Decide_WrongKey_Returns401NamingTheKeyHeader()
    {
        DsrHttpRequest keyed = _h.Signed("POST", "api/dsr/r-1/approve?orgId=org1", secret: null) with { Key = "not-the-key" };

        Assert.Equal([DsrRoutes.KeyHeader], Problem(await _h.Api.DecideAsync(keyed, "r-1", OrgId, approve: true, CancellationToken.None), 401).Errors!.Keys);
    }

    [Fact]
    public async Task Decide_KeyCheckedByTheFunctionsHost_NeedsNoSignature()
    {
        DsrHttpRequest functions = _h.Signed("POST", "api/dsr/r-1/approve?orgId=org1", secret: null) with { KeyCheckedByHost = true };

        Assert.Equal(202, (await _h.Api.DecideAsync(functions, "r-1", OrgId, approve: true, CancellationToken.None)).StatusCode);
    }

    [Fact]
    public async Task Decide_SameSignatureTwice_SecondRefusedAsReplay()
    {
        DsrHttpRequest approve = _h.Signed("POST", "api/dsr/r-1/approve?orgId=org1");

        DsrHttpResponse first = await _h.Api.DecideAsync(approve, "r-1", OrgId, approve: true, CancellationToken.None);
        DsrHttpResponse replay = await _h.Api.DecideAsync(approve, "r-1", OrgId, approve: true, CancellationToken.None);

        Assert.Equal(202, first.StatusCode);
        Assert.Contains("already used", Problem(replay, 401).Detail, StringComparison.Ordinal);
        Assert.Single(_carriedOut);
    }

    [Theory]
    [InlineData("""{"reason":""}""", "reason")]
    [InlineData("""{"reason":5}""", "reason")]
    [InlineData("""{"reason":"ok","by":"me"}""", "by")]
    [InlineData("""[1]""", "body")]
    [InlineData("""{"reason":""", "body")]
    public async Task Decide_BadBody_Returns400NamingTheField(string body, string field)
    {
        DsrHttpResponse response = await _h.Api.DecideAsync(_h.Signed("POST", "api/dsr/r-1/reject?orgId=org1", body), "r-1", OrgId, approve: false, CancellationToken.None);

        Assert.Contains(field, Problem(response, 400).Errors!.Keys);
        Assert.Empty(_carriedOut);
    }

    private Task<DsrHttpResponse> RejectAsync(string body = "")
        => _h.Api.DecideAsync(_h.Signed("POST", "api/dsr/r-1/reject?orgId=org1", body), "r-1", OrgId, approve: false, CancellationToken.None);
}
