using ZohoCrm.Simulator;

namespace ZohoCrm.Client.Tests.Integration;

/// <summary>
/// What COQL lookups cost, read from the simulator's counters: the client asks for the smallest LIMIT first (200, one
/// credit) and asks for more only when a page comes back full (1,000 for two credits, then 2,000 for three).
/// </summary>
[Collection(SimulatorCollection.Name)]
public sealed class ZohoCrmClientCoqlCreditTests(SimulatorFixture fixture)
{
    [Theory]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V8, 3, 1, 1)]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V8, 200, 1, 1)] // full, but more_records is false: done
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V8, 1_100, 2, 3)]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V8, 2_500, 3, 6)]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V2, 3, 1, 1)]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V2, 2_500, 13, 13)]
    public async Task Query_Lookup_SmallestLimitFirstThenGrows(ZohoCrmClientOptions.ServiceVersion version, int matching, int expectedCalls, int expectedCredits)
    {
        SimOrg org = fixture.NewOrg();
        HashSet<string> expected = Insert(org, matching, "lookup.subject@example.org");
        Insert(org, 30, "someone.else@example.org");
        await using ClientHarness harness = fixture.Connect(org, version);
        await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);

        List<ZohoRecord> rows = await harness.Client.QueryAsync(new CoqlQuery("Contacts", ["Email"], CoqlCondition.Equal("Email", "lookup.subject@example.org"))).ToListAsync();

        Assert.True(expected.SetEquals(rows.Select(r => r.Id)));
        Assert.Equal(matching, rows.Count);
        Assert.Equal(expectedCalls, org.Counters.TotalCalls);
        Assert.Equal(expectedCredits, org.Counters.CreditsUsed);
        Assert.Equal(org.Counters.CreditsUsed, harness.Client.Usage.CreditsUsed);
    }

    [Fact]
    public async Task Query_LargestLimitCappedByOption_NeverAsksMore()
    {
        SimOrg org = fixture.NewOrg();
        Insert(org, 2_500, "capped@example.org");
        await using ClientHarness harness = fixture.Connect(org, configure: o => o.CoqlPageSize = 1_000);
        await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);

        List<ZohoRecord> rows = await harness.Client.QueryAsync(new CoqlQuery("Contacts", ["Email"], CoqlCondition.Equal("Email", "capped@example.org"))).ToListAsync();

        Assert.Equal(2_500, rows.Count);
        Assert.Equal(4, org.Counters.TotalCalls); // 200, 1,000, 1,000, 1,000
        Assert.Equal(1 + 2 + 2 + 2, org.Counters.CreditsUsed);
    }

    private static HashSet<string> Insert(SimOrg org, int count, string email)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            ids.Add(org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "P" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Email"] = email }));
        }

        return ids;
    }
}
