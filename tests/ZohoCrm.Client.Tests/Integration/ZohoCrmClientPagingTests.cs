using ZohoCrm.Simulator;

namespace ZohoCrm.Client.Tests.Integration;

[Collection(SimulatorCollection.Name)]
public sealed class ZohoCrmClientPagingTests(SimulatorFixture fixture)
{
    public static TheoryData<int, ZohoCrmClientOptions.ServiceVersion> Sizes()
    {
        var data = new TheoryData<int, ZohoCrmClientOptions.ServiceVersion>();
        foreach (int count in new[] { 0, 1, 200, 201, 2_000, 2_001, 5_000 })
        {
            data.Add(count, ZohoCrmClientOptions.ServiceVersion.V8);
            data.Add(count, ZohoCrmClientOptions.ServiceVersion.V2);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task ListRecords_RecordCount_ReturnsEveryRecordOnceWithMinimalCalls(int count, ZohoCrmClientOptions.ServiceVersion version)
    {
        SimOrg org = fixture.NewOrg();
        HashSet<string> inserted = InsertContacts(org, count);
        await using ClientHarness harness = fixture.Connect(org, version);
        ZohoCrmClient client = harness.Client;

        List<ZohoRecord> records = await client.ListRecordsAsync("Contacts", ["Last_Name", "Email"]).ToListAsync();

        Assert.Equal(count, records.Count);
        Assert.True(inserted.SetEquals(records.Select(r => r.Id)));
        int expectedCalls = Math.Max(1, (count + 199) / 200);
        Assert.Equal(expectedCalls, client.Usage.Calls);
        Assert.Equal(expectedCalls, org.Counters.TotalCalls);
        Assert.Equal(expectedCalls, client.Usage.CreditsUsed);
        Assert.Equal(1, org.Counters.TokenRequests);
    }

    [Theory]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V8)]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V2)]
    public async Task ListRecords_AccessTokenExpiresBetweenPages_RefreshesOnceAndCompletes(ZohoCrmClientOptions.ServiceVersion version)
    {
        SimOrg org = fixture.NewOrg();
        InsertContacts(org, 1_000);
        await using ClientHarness harness = fixture.Connect(org, version);

        int seen = 0;
        await foreach (ZohoRecord record in harness.Client.ListRecordsAsync("Contacts", ["Last_Name"]))
        {
            if (++seen == 200)
            {
                org.ExpireAccessTokens();
            }
        }

        Assert.Equal(1_000, seen);
        Assert.Equal(2, org.Counters.TokenRequests);
        Assert.Equal(2, harness.Tokens.GetTokenRequestsInWindow(ClientHarness.OrgId));
        Assert.Contains(harness.Logs.Lines, l => l.Contains(" 1002 ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V8, 10_500, 7)] // LIMIT 200, 1,000, then 2,000 × 4 to offset 9,200; keyset
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V2, 10_500, 53)]
    public async Task Query_MoreRowsThanOffsetWindow_ContinuesByIdKeyset(ZohoCrmClientOptions.ServiceVersion version, int count, int expectedCalls)
    {
        SimOrg org = fixture.NewOrg();
        HashSet<string> inserted = InsertContacts(org, count);
        await using ClientHarness harness = fixture.Connect(org, version);
        ZohoCrmClient client = harness.Client;

        List<ZohoRecord> rows = await client.QueryAsync(new CoqlQuery("Contacts", ["Last_Name", "Email"], CoqlCondition.IsNotNull("Last_Name"))).ToListAsync();

        Assert.Equal(count, rows.Count);
        Assert.True(inserted.SetEquals(rows.Select(r => r.Id)));
        // The inclusive keyset page may repeat a few boundary rows (skipped by the client), which can cost one more call.
        Assert.InRange(client.Usage.Calls, expectedCalls, expectedCalls + 1);
        Assert.Equal(org.Counters.TotalCalls, client.Usage.Calls);
        Assert.Equal(org.Counters.CreditsUsed, client.Usage.CreditsUsed);
        Assert.Contains(harness.Logs.Lines, l => l.Contains(" 1006 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchByEmail_ManyMatches_PagesThenSurfacesLimitReached()
    {
        SimOrg org = fixture.NewOrg();
        for (int i = 0; i < 2_100; i++)
        {
            org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Many", ["Email"] = "many@example.org" });
        }

        await using ClientHarness harness = fixture.Connect(org);
        int seen = 0;

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(async () =>
        {
            await foreach (ZohoRecord record in harness.Client.SearchByEmailAsync("Contacts", "many@example.org"))
            {
                seen++;
            }
        });

        Assert.Equal("LIMIT_REACHED", error.Code);
        Assert.Equal(2_000, seen);
    }

    internal static HashSet<string> InsertContacts(SimOrg org, int count)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            ids.Add(org.InsertRecord("Contacts", new Dictionary<string, object?>
            {
                ["Last_Name"] = "Person" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Email"] = "person" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "@example.org",
            }));
        }

        return ids;
    }
}
