using ZohoCrm.Simulator;

namespace ZohoCrm.Client.Tests.Integration;

/// <summary>No log line of the client carries a token, a secret, an email or a URL, whatever the call and its outcome.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class LogScrubbingTests(SimulatorFixture fixture)
{
    private const string PlantedEmail = "planted.subject.7731@example.org";

    [Fact]
    public async Task Logs_CallsWithPlantedSecrets_NeverContainThem()
    {
        SimOrg org = fixture.NewOrg(s => s with { RestrictedFields = ["Leads.Email"] });
        string id = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Planted", ["Email"] = PlantedEmail });
        await using ClientHarness harness = fixture.Connect(org, configure: o => o.MaxTransientRetries = 1);
        ZohoCrmClient client = harness.Client;

        await client.SearchByEmailAsync("Contacts", PlantedEmail).ToListAsync();
        await client.SearchByCriteriaAsync("Contacts", ZohoSearchCriteria.EqualTo("Email", PlantedEmail)).ToListAsync();
        await client.QueryAsync(new CoqlQuery("Contacts", ["Email"], CoqlCondition.Equal("Email", PlantedEmail))).ToListAsync();
        await client.GetRecordAsync("Contacts", id, includePrivateFields: true);
        await client.ListRecordsAsync("Contacts", ["Email"]).ToListAsync();
        await Assert.ThrowsAsync<ZohoApiException>(() => client.SearchByEmailAsync("Leads", PlantedEmail).ToListAsync().AsTask());
        org.ExpireAccessTokens();
        await client.SearchByEmailAsync("Contacts", PlantedEmail).ToListAsync();
        org.Faults.Rate429 = 1;
        await Assert.ThrowsAsync<ZohoThrottledException>(() => client.SearchByEmailAsync("Contacts", PlantedEmail).ToListAsync().AsTask());
        org.Faults.Clear();
        org.Faults.Rate500 = 1;
        await Assert.ThrowsAsync<ZohoApiException>(() => client.SearchByEmailAsync("Contacts", PlantedEmail).ToListAsync().AsTask());
        org.Faults.Clear();
        org.Faults.RateDropConnection = 1;
        await Assert.ThrowsAsync<ZohoApiException>(() => client.SearchByEmailAsync("Contacts", PlantedEmail).ToListAsync().AsTask());
        org.Faults.Clear();
        await client.DeleteRecordsAsync("Contacts", [id, "1" + id]);
        ZohoAccessToken token = (await harness.Store.GetAccessTokenAsync(ClientHarness.OrgId))!;

        string[] secrets = [PlantedEmail, "planted.subject", token.Token, org.RefreshToken, org.ClientSecret, "http://", "127.0.0.1", "@example.org"];
        Assert.True(harness.Logs.Lines.Count > 10);
        foreach (string line in harness.Logs.Lines)
        {
            foreach (string secret in secrets)
            {
                Assert.DoesNotContain(secret, line, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Logs_ParameterNames_ComeFromAllowList()
    {
        SimOrg org = fixture.NewOrg();
        await using ClientHarness harness = fixture.Connect(org);
        await harness.Client.GetOrgAsync();
        org.ExpireAccessTokens();
        await harness.Client.ListRecordsAsync("Contacts", ["Email"]).ToListAsync();

        string[] allowed = ["RequestId", "OrgId", "InstanceId", "Module", "Count", "ZohoCode", "Status", "Elapsed", "{OriginalFormat}"];
        foreach (string line in harness.Logs.Lines.Where(l => l.StartsWith("ZohoCrm.Client", StringComparison.Ordinal)))
        {
            foreach (string part in line.Split(" | ").Skip(1))
            {
                string name = part[..part.IndexOf('=', StringComparison.Ordinal)];
                Assert.Contains(name, allowed);
            }
        }
    }
}
