using Moq;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Http;
using static ZohoDsr.Core.Tests.Http.ApiHarness;

namespace ZohoDsr.Core.Tests.Http;

/// <summary>Due dates from the webhook's receivedAt and regime, shown by the status, and the one extension.</summary>
public sealed class DsrHttpApiDeadlineTests : IDisposable
{
    private readonly ApiHarness _h = new();
    private readonly Dictionary<string, DsrInstanceState> _engine;

    public DsrHttpApiDeadlineTests() => _engine = _h.UseInMemoryEngine();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Submit_CcpaReceivedAt_StatusShowsDueBy45DaysLaterAndTheRegime()
    {
        await SubmitAsync("r-ccpa", ",\"receivedAt\":\"2026-11-20T16:30:00-08:00\",\"regime\":\"ccpa\"");

        DsrStatusView view = await StatusAsync("r-ccpa");

        Assert.Equal(DeadlineRegimeKind.Ccpa, view.Deadline!.Regime);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 16, 30, 0, TimeSpan.FromHours(-8)), view.Deadline.ReceivedAt);
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.FromHours(-8)).AddDays(1).AddTicks(-1), view.Deadline.DueBy);
        Assert.False(view.Deadline.Extended);
        Assert.Null(view.Deadline.Extension);
    }

    [Fact]
    public async Task Submit_NoReceivedAtNoRegime_CountsOneMonthFromNowUnderTheConfiguredRegime()
    {
        DateTimeOffset submittedAt = _h.Time.GetUtcNow();
        await SubmitAsync("r-now");

        DsrStatusView view = await StatusAsync("r-now");

        Assert.Equal(DeadlineRegimeKind.Gdpr, view.Deadline!.Regime);
        Assert.Equal(submittedAt, view.Deadline.ReceivedAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 23, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999), view.Deadline.DueBy);
    }

    [Fact]
    public async Task Submit_ConfiguredCcpa_UsedWhenTheRequestNamesNone()
    {
        using var h = new ApiHarness(regime: DeadlineRegimeKind.Ccpa);
        h.UseInMemoryEngine();

        await h.SubmitAsync(Body("r-conf"));

        Assert.Equal(DeadlineRegimeKind.Ccpa, (await h.Records.ReadDeadlineAsync(OrgId, "r-conf", CancellationToken.None))!.Regime);
    }

    [Theory]
    [InlineData("\"2026-11-23T10:06:00Z\"", "in the future")]
    [InlineData("\"2027-01-01T00:00:00Z\"", "in the future")]
    [InlineData("\"1999-12-31T23:59:59Z\"", "before 2000")]
    [InlineData("\"2026-11-23T10:00:00\"", "with an offset")]
    [InlineData("\"2026-11-23\"", "with an offset")]
    [InlineData("\"yesterday\"", "with an offset")]
    [InlineData("1700000000", "must be a string")]
    public async Task Submit_ReceivedAtNotAcceptable_Returns400NamingReceivedAtAndStartsNothing(string value, string why)
    {
        DsrHttpResponse response = await _h.SubmitAsync(Body("r-bad-time", extra: $",\"receivedAt\":{value}"));

        string message = Assert.Single(Problem(response, 400).Errors!["receivedAt"]);
        Assert.Contains(why, message, StringComparison.Ordinal);
        Assert.Empty(_engine);
        Assert.Null(await _h.Records.ReadDeadlineAsync(OrgId, "r-bad-time", CancellationToken.None));
    }

    [Fact]
    public async Task Submit_ReceivedAtWithinTheSignatureTolerance_Accepted()
    {
        DsrHttpResponse response = await _h.SubmitAsync(Body("r-skew", extra: ",\"receivedAt\":\"2026-11-23T10:04:00Z\""));

        Assert.Equal(202, response.StatusCode);
    }

    [Theory]
    [InlineData("\"hipaa\"")]
    [InlineData("\"\"")]
    [InlineData("2")]
    public async Task Submit_UnknownRegime_Returns400NamingRegime(string value)
    {
        DsrHttpResponse response = await _h.SubmitAsync(Body("r-regime", extra: $",\"regime\":{value}"));

        Assert.Equal(["regime"], Problem(response, 400).Errors!.Keys);
    }

    [Fact]
    public async Task Submit_RepeatWithAnotherReceivedAt_Returns409AndKeepsTheFirstDueDate()
    {
        await SubmitAsync("r-dup", ",\"receivedAt\":\"2026-11-20T00:00:00Z\"");
        _h.Time.Advance(TimeSpan.FromSeconds(1));

        DsrHttpResponse again = await _h.SubmitAsync(Body("r-dup", extra: ",\"receivedAt\":\"2026-11-21T00:00:00Z\""));
        _h.Time.Advance(TimeSpan.FromSeconds(1));
        DsrHttpResponse without = await _h.SubmitAsync(Body("r-dup"));

        Assert.Equal(["requestId"], Problem(again, 409).Errors!.Keys);
        Assert.Equal(200, without.StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), (await StatusAsync("r-dup")).Deadline!.ReceivedAt);
    }

    [Fact]
    public async Task Extend_WithinTheLimit_Returns200AndTheStatusShowsIt()
    {
        await SubmitAsync("r-ext", ",\"receivedAt\":\"2026-11-20T09:00:00Z\"");

        DsrHttpResponse response = await ExtendAsync("r-ext", """{"reason":"Records in three systems to reconcile","by":{"count":1,"unit":"months"}}""");

        Assert.Equal(200, response.StatusCode);
        DsrDeadlineView extended = Assert.IsType<DsrDeadlineView>(response.Body);
        Assert.True(extended.Extended);
        Assert.Equal(DeadlinePeriod.Months(1), extended.Extension!.By);
        Assert.Equal(new DateTimeOffset(2027, 1, 20, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999), extended.DueBy);
        Assert.Equal(new DateTimeOffset(2026, 12, 20, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999), extended.OriginalDueBy);
        DsrStatusView view = await StatusAsync("r-ext");
        Assert.Equal(extended.DueBy, view.Deadline!.DueBy);
        Assert.True(view.Deadline.Extended);
        Assert.Equal("Records in three systems to reconcile", view.Deadline.Extension!.Reason);
        Assert.Equal(_h.Time.GetUtcNow(), view.Deadline.Extension.ExtendedAt);
    }

    [Fact]
    public async Task Extend_NoBy_TakesTheMostTheRegimeAllows()
    {
        await SubmitAsync("r-ccpa-ext", ",\"receivedAt\":\"2026-11-20T09:00:00Z\",\"regime\":\"ccpa\"");

        DsrDeadlineView extended = Assert.IsType<DsrDeadlineView>((await ExtendAsync("r-ccpa-ext", """{"reason":"Verification pending"}""")).Body);

        Assert.Equal(DeadlinePeriod.Days(45), extended.Extension!.By);
        Assert.Equal(new DateOnly(2027, 2, 18), DateOnly.FromDateTime(extended.DueBy.DateTime));
    }

    [Theory]
    [InlineData("", "reason")]
    [InlineData("""{}""", "reason")]
    [InlineData("""{"reason":"   "}""", "reason")]
    [InlineData("""{"reason":"x\u200By"}""", "reason")]
    [InlineData("""{"reason":"ok","by":{"count":3,"unit":"months"}}""", "by")]
    [InlineData("""{"reason":"ok","by":{"count":40,"unit":"days"}}""", "by")]
    [InlineData("""{"reason":"ok","by":{"count":0,"unit":"months"}}""", "by.count")]
    [InlineData("""{"reason":"ok","by":{"count":1,"unit":"weeks"}}""", "by.unit")]
    [InlineData("""{"reason":"ok","by":"2 months"}""", "by")]
    [InlineData("""{"reason":"ok","until":"2027-01-01"}""", "until")]
    public async Task Extend_BadBody_Returns400NamingTheFieldAndRecordsNothing(string body, string field)
    {
        await SubmitAsync("r-ext-bad");

        DsrHttpResponse response = await ExtendAsync("r-ext-bad", body);

        Assert.Contains(field, Problem(response, 400).Errors!.Keys);
        Assert.Null(await _h.Records.ReadExtensionAsync(OrgId, "r-ext-bad", CancellationToken.None));
    }

    [Fact]
    public async Task Extend_CustomRegimeWithoutExtension_Returns400NamingBy()
    {
        await SubmitAsync("r-custom", ",\"regime\":\"custom\"");

        Assert.Equal(["by"], Problem(await ExtendAsync("r-custom", """{"reason":"more time"}"""), 400).Errors!.Keys);
    }

    [Fact]
    public async Task Extend_Twice_SecondReturns409NamingTheFirst()
    {
        await SubmitAsync("r-twice");
        await ExtendAsync("r-twice", """{"reason":"first","by":{"count":1,"unit":"months"}}""");
        _h.Time.Advance(TimeSpan.FromMinutes(1));

        DsrHttpResponse second = await ExtendAsync("r-twice", """{"reason":"second"}""");

        DsrProblemDetails problem = Problem(second, 409);
        Assert.Equal("first", problem.Extension!.Reason);
        Assert.Equal(["extension"], problem.Errors!.Keys);
    }

    [Fact]
    public async Task Extend_Racing_ExactlyOneIsRecorded()
    {
        await SubmitAsync("r-race");

        DsrHttpResponse[] answers = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => Task.Run(() =>
            ExtendAsync("r-race", $"{{\"reason\":\"reason {i}\",\"by\":{{\"count\":{(i % 2) + 1},\"unit\":\"months\"}}}}"))));

        DsrHttpResponse won = Assert.Single(answers, a => a.StatusCode == 200);
        Assert.All(answers.Where(a => a != won), a => Assert.Equal(409, a.StatusCode));
        Assert.Equal(Assert.IsType<DsrDeadlineView>(won.Body).Extension, (await _h.Records.ReadExtensionAsync(OrgId, "r-race", CancellationToken.None))!);
    }

    [Fact]
    public async Task Extend_AfterTheOriginalDueDate_Returns409NamingDeadline()
    {
        await SubmitAsync("r-late", ",\"receivedAt\":\"2026-10-01T00:00:00Z\"");

        Assert.Equal(["deadline"], Problem(await ExtendAsync("r-late", """{"reason":"too late"}"""), 409).Errors!.Keys);
    }

    [Fact]
    public async Task Extend_FinishedRequest_Returns409NamingStatus()
    {
        await SubmitAsync("r-done");
        string instanceId = DsrInstanceId.For(OrgId, "r-done");
        _engine[instanceId] = _engine[instanceId] with { RuntimeStatus = DsrRuntimeStatus.Completed };

        Assert.Equal(["status"], Problem(await ExtendAsync("r-done", """{"reason":"x"}"""), 409).Errors!.Keys);
    }

    [Fact]
    public async Task Extend_Unsigned_Returns401()
    {
        await SubmitAsync("r-unsigned");

        DsrHttpRequest unsigned = _h.Signed("POST", "api/dsr/r-unsigned/extend?orgId=org1", """{"reason":"x"}""", secret: null);

        Problem(await _h.Api.ExtendAsync(unsigned, "r-unsigned", OrgId, CancellationToken.None), 401);
    }

    private async Task SubmitAsync(string requestId, string extra = "")
    {
        DsrHttpResponse response = await _h.SubmitAsync(Body(requestId, extra: extra));
        Assert.True(response.StatusCode == 202, $"submit answered {response.StatusCode}");
        _h.Time.Advance(TimeSpan.FromSeconds(1));
    }

    private async Task<DsrStatusView> StatusAsync(string requestId)
        => Assert.IsType<DsrStatusView>((await _h.Api.GetStatusAsync(requestId, OrgId, CancellationToken.None)).Body);

    private Task<DsrHttpResponse> ExtendAsync(string requestId, string body)
        => _h.Api.ExtendAsync(_h.Signed("POST", $"api/dsr/{requestId}/extend?orgId=org1", body, contentType: "application/json"), requestId, OrgId, CancellationToken.None);
}
