using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ZohoCrm.Simulator;

namespace ZohoCrm.Client.Tests.Integration;

/// <summary>
/// A delete whose answer is lost after Zoho applied it, through the real HTTP stack to the simulator: the HTTP layer must
/// not repeat it (a repeat answers INVALID_DATA, which would pass for "not found"), and the caller must learn that the
/// outcome is unknown.
/// </summary>
[Collection(SimulatorCollection.Name)]
public sealed class ZohoCrmClientDeleteTests(SimulatorFixture fixture)
{
    private const string DeleteEndpoint = "DELETE /crm/{v}/{module}";

    [Theory]
    [InlineData(AnswerLoss.ConnectionDropped)]
    [InlineData(AnswerLoss.BadGateway)]
    [InlineData(AnswerLoss.ServiceUnavailable)]
    [InlineData(AnswerLoss.GatewayTimeout)]
    [InlineData(AnswerLoss.BodyCutShort)]
    public async Task DeleteRecords_AnswerLostAfterZohoApplied_SentOnceAndOutcomeUnknown(AnswerLoss loss)
    {
        SimOrg org = fixture.NewOrg();
        string first = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Gone" });
        string second = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Gone too" });
        var lose = new LoseAnswerHandler(LoseAnswerHandler.Deletes, loss);
        await using ClientHarness harness = fixture.Connect(org, configure: o => o.MaxTransientRetries = 3, services: s => AddInnermost(s, lose));

        ZohoOutcomeUnknownException error = await Assert.ThrowsAsync<ZohoOutcomeUnknownException>(() => harness.Client.DeleteRecordsAsync("Contacts", [first, second]));

        Assert.Equal(1, lose.Forwarded);
        Assert.Equal(1, org.Counters.CallsByEndpoint[DeleteEndpoint]);
        Assert.False(org.Exists("Contacts", first));
        Assert.True(org.IsInRecycleBin("Contacts", first));
        Assert.Equal([first, second], error.Ids);
        Assert.Equal("Contacts", error.Module);
        Assert.DoesNotContain(first, error.Message);
    }

    [Fact]
    public async Task DeleteRecords_AnswerNeverComes_AttemptTimeoutGivesOutcomeUnknownWithoutRepeat()
    {
        SimOrg org = fixture.NewOrg();
        string id = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Gone" });
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var lose = new LoseAnswerHandler(LoseAnswerHandler.Deletes, AnswerLoss.Hang);
        await using ClientHarness harness = fixture.Connect(org, configure: o => o.MaxTransientRetries = 3, services: s => AddInnermost(s, lose), time: clock);

        using var end = new CancellationTokenSource(); // a repeated attempt would hang: cancelled so the pipeline can be disposed
        try
        {
            Task<IReadOnlyList<ZohoDeleteResult>> call = harness.Client.DeleteRecordsAsync("Contacts", [id], end.Token);
            await lose.Lost.Task.WaitAsync(TimeSpan.FromSeconds(30));
            clock.Advance(TimeSpan.FromSeconds(11)); // past the 10 s attempt timeout

            ZohoOutcomeUnknownException error = await Assert.ThrowsAsync<ZohoOutcomeUnknownException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(0, error.Status);
            Assert.Equal(1, org.Counters.CallsByEndpoint[DeleteEndpoint]);
            Assert.True(org.IsInRecycleBin("Contacts", id));
            Assert.Equal([id], error.Ids);
        }
        finally
        {
            await end.CancelAsync();
        }
    }

    [Fact]
    public async Task DeleteRecords_OutcomeUnknown_ReconciledByTheRecycleBin()
    {
        SimOrg org = fixture.NewOrg();
        string id = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Gone" });
        var lose = new LoseAnswerHandler(LoseAnswerHandler.Deletes, AnswerLoss.ConnectionDropped);
        await using ClientHarness harness = fixture.Connect(org, services: s => AddInnermost(s, lose));

        ZohoOutcomeUnknownException error = await Assert.ThrowsAsync<ZohoOutcomeUnknownException>(() => harness.Client.DeleteRecordsAsync("Contacts", [id]));
        List<ZohoDeletedRecord> bin = await harness.Client.ListDeletedRecordsAsync(error.Module!, ZohoDeletedRecordType.Recycle).ToListAsync();

        Assert.Contains(bin, d => d.Id == id);
    }

    [Fact]
    public async Task PurgeFromRecycleBin_AnswerLost_SentOnceAndOutcomeUnknown()
    {
        SimOrg org = fixture.NewOrg();
        string id = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Gone" });
        var lose = new LoseAnswerHandler(r => r.RequestUri!.AbsolutePath.EndsWith("/settings/recycle_bin", StringComparison.Ordinal), AnswerLoss.BadGateway);
        await using ClientHarness harness = fixture.Connect(org, configure: o => o.MaxTransientRetries = 3, services: s => AddInnermost(s, lose));
        Assert.True(Assert.Single(await harness.Client.DeleteRecordsAsync("Contacts", [id])).Succeeded);

        ZohoOutcomeUnknownException error = await Assert.ThrowsAsync<ZohoOutcomeUnknownException>(() => harness.Client.PurgeFromRecycleBinAsync([id]));

        Assert.Equal(1, org.Counters.CallsByEndpoint["DELETE /crm/{v}/settings/recycle_bin"]);
        Assert.False(org.IsInRecycleBin("Contacts", id));
        Assert.Equal(502, error.Status);
        Assert.Equal([id], error.Ids);
    }

    [Fact]
    public async Task Query_ServerErrorsSometimes_ReadsAreStillRetried()
    {
        SimOrg org = fixture.NewOrg();
        ZohoCrmClientPagingTests.InsertContacts(org, 50);
        await using ClientHarness harness = fixture.Connect(org, configure: o => o.MaxTransientRetries = 10);
        await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);
        org.Faults.Rate503 = 0.5;

        List<ZohoRecord> rows = await harness.Client.QueryAsync(new CoqlQuery("Contacts", ["Email"], CoqlCondition.IsNotNull("Email"))).ToListAsync();

        Assert.Equal(50, rows.Count);
        Assert.True(org.Counters.FaultsInjected >= 1, "some attempts failed");
        Assert.Equal(1 + org.Counters.FaultsInjected, org.Counters.TotalCalls);
    }

    private static void AddInnermost(IServiceCollection services, LoseAnswerHandler handler)
        => services.AddHttpClient(ZohoCrmClientFactory.HttpClientName).AddHttpMessageHandler(() => handler);
}
