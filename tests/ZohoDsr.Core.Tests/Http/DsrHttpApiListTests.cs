using System.Text.Json;
using Moq;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Http;
using static ZohoDsr.Core.Tests.Http.ApiHarness;

namespace ZohoDsr.Core.Tests.Http;

/// <summary><c>GET /api/dsr?orgId=</c> over an engine whose pages mix orgs and statuses.</summary>
public sealed class DsrHttpApiListTests : IDisposable
{
    private readonly ApiHarness _h = new();
    private readonly List<DsrInstanceState> _all = [];
    private readonly List<DsrInstanceQuery> _queries = [];

    public DsrHttpApiListTests()
    {
        _h.Instances.Setup(i => i.ListAsync(It.IsAny<DsrInstanceQuery>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DsrInstanceQuery query, CancellationToken _) =>
            {
                _queries.Add(query);
                List<DsrInstanceState> matching = [.. _all.Where(s => query.RuntimeStatuses is null || query.RuntimeStatuses.Contains(s.RuntimeStatus))];
                int start = query.ContinuationToken is null ? 0 : int.Parse(query.ContinuationToken, System.Globalization.CultureInfo.InvariantCulture);
                List<DsrInstanceState> page = [.. matching.Skip(start).Take(query.PageSize)];
                string? next = start + page.Count < matching.Count ? (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                return new DsrInstancePage(page, next);
            });
    }

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task List_MixedOrgs_OnlyTheOrgsRequestsWithDueByAndCountsNeverTheEmail()
    {
        await AddAsync("a-1", OrgId, DsrRuntimeStatus.Running, new DsrProgress(DsrStatus.Running, "find", 1, 3, 5, 0, 0), dueDay: 10);
        await AddAsync("b-1", "other", DsrRuntimeStatus.Running, null, dueDay: 11);
        await AddAsync("a-2", OrgId, DsrRuntimeStatus.Completed, null, dueDay: 12, result: Result("a-2", DsrStatus.Completed));

        DsrListPage page = await ListAsync(new DsrListQuery("ORG1", null, null, null, null));

        Assert.Equal(["a-1", "a-2"], page.Items.Select(i => i.RequestId).Order(StringComparer.Ordinal));
        DsrListItem running = page.Items.Single(i => i.RequestId == "a-1");
        Assert.Equal(DsrStatus.Running, running.Status);
        Assert.Equal(OrgId, running.OrgId);
        Assert.Equal(DsrRequestType.Access, running.Type);
        Assert.Equal(new DsrCounts(1, 3, 5, 0, 0), running.Counts);
        Assert.Equal(new DateOnly(2026, 12, 10), DateOnly.FromDateTime(running.DueBy!.Value.DateTime));
        Assert.Equal(new DsrCounts(2, 2, 7, 3, 1), page.Items.Single(i => i.RequestId == "a-2").Counts);
        Assert.Null(page.ContinuationToken);
        Assert.DoesNotContain(Email, JsonSerializer.Serialize(page, DsrJson.Options), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task List_StatusAndDueBefore_FilterAndAskTheEngineOnlyForMatchingRuntimeStatuses()
    {
        await AddAsync("a-1", OrgId, DsrRuntimeStatus.Running, new DsrProgress(DsrStatus.AwaitingApproval, "approval", 3, 3, 1, 0, 0), dueDay: 5);
        await AddAsync("a-2", OrgId, DsrRuntimeStatus.Running, new DsrProgress(DsrStatus.AwaitingApproval, "approval", 3, 3, 1, 0, 0), dueDay: 20);
        await AddAsync("a-3", OrgId, DsrRuntimeStatus.Running, new DsrProgress(DsrStatus.Running, "find", 1, 3, 1, 0, 0), dueDay: 6);
        await AddAsync("a-4", OrgId, DsrRuntimeStatus.Completed, null, dueDay: 4, result: Result("a-4", DsrStatus.Completed));

        DsrListPage page = await ListAsync(new DsrListQuery(OrgId, "awaitingApproval", "2026-12-10", null, null));

        Assert.Equal(["a-1"], page.Items.Select(i => i.RequestId));
        Assert.All(_queries, q => Assert.Equal([DsrRuntimeStatus.Pending, DsrRuntimeStatus.Running], q.RuntimeStatuses));
    }

    [Fact]
    public async Task List_PageSize_PagesWithATokenThatCarriesOn()
    {
        for (int i = 0; i < 5; i++)
        {
            await AddAsync($"a-{i}", OrgId, DsrRuntimeStatus.Running, null, dueDay: 10 + i);
            await AddAsync($"b-{i}", "other", DsrRuntimeStatus.Running, null, dueDay: 10 + i);
        }

        var seen = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            DsrListPage page = await ListAsync(new DsrListQuery(OrgId, null, null, "2", token));
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(i => i.RequestId));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(["a-0", "a-1", "a-2", "a-3", "a-4"], seen.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(_queries, q => q.PageSize > 2);
    }

    [Fact]
    public async Task List_TokenOfAnotherQueryOrEdited_Returns400NamingIt()
    {
        for (int i = 0; i < 3; i++)
        {
            await AddAsync($"a-{i}", OrgId, DsrRuntimeStatus.Running, null, dueDay: 10);
        }

        string token = (await ListAsync(new DsrListQuery(OrgId, null, null, "1", null))).ContinuationToken!;

        DsrHttpResponse otherQuery = await _h.Api.ListAsync(new DsrListQuery(OrgId, "running", null, "1", token), CancellationToken.None);
        DsrHttpResponse edited = await _h.Api.ListAsync(new DsrListQuery(OrgId, null, null, "1", "MA." + token.Split('.')[1]), CancellationToken.None);
        DsrHttpResponse garbage = await _h.Api.ListAsync(new DsrListQuery(OrgId, null, null, "1", "%%%"), CancellationToken.None);

        Assert.All([otherQuery, edited, garbage], r => Assert.Equal(["continuationToken"], Problem(r, 400).Errors!.Keys));
    }

    [Theory]
    [InlineData(null, null, null, null, "orgId")]
    [InlineData("nope", null, null, null, "orgId")]
    [InlineData("org1", "done", null, null, "status")]
    [InlineData("org1", null, "next week", null, "dueBefore")]
    [InlineData("org1", null, "2026-12-01T00:00:00", null, "dueBefore")]
    [InlineData("org1", null, null, "0", "pageSize")]
    [InlineData("org1", null, null, "101", "pageSize")]
    [InlineData("org1", null, null, "ten", "pageSize")]
    public async Task List_BadParameter_Returns400NamingIt(string? orgId, string? status, string? dueBefore, string? pageSize, string field)
    {
        DsrHttpResponse response = await _h.Api.ListAsync(new DsrListQuery(orgId, status, dueBefore, pageSize, null), CancellationToken.None);

        Assert.Equal([field], Problem(response, 400).Errors!.Keys);
        _h.Instances.Verify(i => i.ListAsync(It.IsAny<DsrInstanceQuery>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static DsrResult Result(string requestId, DsrStatus status) => new()
    {
        RequestId = requestId,
        OrgId = OrgId,
        Type = DsrRequestType.Access,
        Status = status,
        Modules = [new ModuleOutcome("Contacts", "coql", 4, 2, 0, 1, 0), new ModuleOutcome("Leads", "coql", 3, 1, 0, 0, 0)],
    };

    private async Task AddAsync(string requestId, string orgId, DsrRuntimeStatus runtime, DsrProgress? progress, int dueDay, DsrResult? result = null)
    {
        string instanceId = DsrInstanceId.For(orgId, requestId);
        _all.Add(_h.State(instanceId, runtime, Input(requestId, orgId: orgId)) with { Progress = progress, Output = result });
        var receivedAt = new DateTimeOffset(2026, 11, dueDay, 9, 0, 0, TimeSpan.Zero);
        await _h.Records.CreateDeadlineAsync(orgId, requestId, new DeadlineCalculator(DeadlineRegime.Gdpr()).DueFor(receivedAt), CancellationToken.None);
    }

    private async Task<DsrListPage> ListAsync(DsrListQuery query)
    {
        DsrHttpResponse response = await _h.Api.ListAsync(query, CancellationToken.None);
        Assert.Equal(200, response.StatusCode);
        return Assert.IsType<DsrListPage>(response.Body);
    }
}
