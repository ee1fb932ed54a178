using ZohoCrm.Simulator;

namespace ZohoCrm.Client.Tests.Integration;

/// <summary>Injected faults, throttling and missing scopes, against the simulator over HTTP.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class ZohoCrmClientFaultTests(SimulatorFixture fixture)
{
    [Fact]
    public async Task Throttled_Rate429_OneRequestOnTheWireAndNoRetryAfter()
    {
        SimOrg org = fixture.NewOrg();
        await using ClientHarness harness = fixture.Connect(org);
        await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);
        org.Faults.Rate429 = 1;

        ZohoThrottledException error = await Assert.ThrowsAsync<ZohoThrottledException>(() => harness.Client.GetOrgAsync());

        Assert.Equal(429, error.Status);
        Assert.Equal("TOO_MANY_REQUESTS", error.Code);
        Assert.Null(error.RetryAfter);
        Assert.Equal(1, org.Counters.TotalCalls);
        Assert.Equal(1, org.Counters.ThrottledCalls);
        Assert.Equal(1, harness.Client.Usage.Throttled);
    }

    [Fact]
    public async Task Throttled_ConcurrencyLimitExceeded_SurfacesAsThrottled()
    {
        SimOrg org = fixture.NewOrg(s => s with { ConcurrencyLimit = 2 });
        org.Faults.LatencyMin = TimeSpan.FromMilliseconds(300);
        org.Faults.LatencyMax = TimeSpan.FromMilliseconds(300);
        await using ClientHarness harness = fixture.Connect(org);
        await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);

        Task<ZohoOrg>[] calls = [.. Enumerable.Range(0, 6).Select(_ => harness.Client.GetOrgAsync())];
        await Assert.ThrowsAsync<ZohoThrottledException>(() => Task.WhenAll(calls));

        Assert.Contains(calls, c => c.IsCompletedSuccessfully);
        Assert.True(org.Counters.ThrottledCalls >= 1);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task ServerError_Always_RetriedThenFailsWithStatus(int status)
    {
        SimOrg org = fixture.NewOrg();
        await using ClientHarness harness = fixture.Connect(org, configure: o => o.MaxTransientRetries = 2);
        await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);
        SetRate(org, status, 1);

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.ListRecordsAsync("Contacts", ["Email"]).ToListAsync().AsTask());

        Assert.Equal(status, error.Status);
        Assert.Equal(status == 500 ? "INTERNAL_ERROR" : null, error.Code);
        Assert.Equal(3, org.Counters.TotalCalls);
        Assert.DoesNotContain("<html", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task ServerError_Sometimes_RetriedThenSucceeds(int status)
    {
        SimOrg org = fixture.NewOrg();
        ZohoCrmClientPagingTests.InsertContacts(org, 2_000);
        await using ClientHarness harness = fixture.Connect(org, configure: o => o.MaxTransientRetries = 10);
        await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);
        SetRate(org, status, 0.5);

        List<ZohoRecord> records = await harness.Client.ListRecordsAsync("Contacts", ["Email"]).ToListAsync();

        Assert.Equal(2_000, records.Count);
        Assert.True(org.Counters.FaultsInjected >= 1, "some attempts failed");
        Assert.Equal(10 + org.Counters.FaultsInjected, org.Counters.TotalCalls);
        Assert.Equal(10, harness.Client.Usage.Calls);
    }

    [Fact]
    public async Task Timeout_Always_FailsAfterAttemptTimeouts()
    {
        SimOrg org = fixture.NewOrg();
        await using ClientHarness harness = fixture.Connect(org, configure: o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.MaxTransientRetries = 1;
        });
        await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);
        org.Faults.RateTimeout = 1;

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.GetOrgAsync());

        Assert.Equal(0, error.Status);
        Assert.Contains("timed out", error.Message);
        Assert.Equal(2, org.Counters.TotalCalls);
    }

    [Fact]
    public async Task DroppedConnection_Always_FailsWithStatusZero()
    {
        SimOrg org = fixture.NewOrg();
        await using ClientHarness harness = fixture.Connect(org, configure: o => o.MaxTransientRetries = 2);
        await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);
        org.Faults.RateDropConnection = 1;

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.GetOrgAsync());

        Assert.Equal(0, error.Status);
        Assert.Equal(3, org.Counters.TotalCalls);
    }

    [Fact]
    public async Task DroppedConnection_Sometimes_RetriedThenSucceeds()
    {
        SimOrg org = fixture.NewOrg();
        await using ClientHarness harness = fixture.Connect(org, configure: o => o.MaxTransientRetries = 10);
        await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);
        org.Faults.RateDropConnection = 0.5;

        for (int i = 0; i < 4; i++)
        {
            await harness.Client.GetOrgAsync();
        }

        Assert.True(org.Counters.TotalCalls > 4);
    }

    [Fact]
    public async Task ScopeMismatch_ModulesOnlyToken_NamesScopeOfEachCall()
    {
        SimOrg org = fixture.NewOrg();
        string modulesOnly = org.IssueRefreshToken(ZohoScopes.ModulesAll);
        await using ClientHarness harness = fixture.Connect(org, refreshToken: modulesOnly);
        ZohoCrmClient client = harness.Client;

        ZohoApiException coql = await Assert.ThrowsAsync<ZohoApiException>(() => client.QueryAsync(new CoqlQuery("Contacts", ["Email"], CoqlCondition.IsNotNull("Email"))).ToListAsync().AsTask());
        ZohoApiException search = await Assert.ThrowsAsync<ZohoApiException>(() => client.SearchByEmailAsync("Contacts", "a@example.org").ToListAsync().AsTask());
        ZohoApiException fields = await Assert.ThrowsAsync<ZohoApiException>(() => client.GetFieldsAsync("Contacts"));
        ZohoApiException orgCall = await Assert.ThrowsAsync<ZohoApiException>(() => client.GetOrgAsync());
        List<ZohoRecord> listed = await client.ListRecordsAsync("Contacts", ["Email"]).ToListAsync();

        Assert.Empty(listed);
        foreach ((ZohoApiException error, string scope) in new[] { (coql, ZohoScopes.CoqlRead), (search, ZohoScopes.SearchRead), (fields, ZohoScopes.SettingsAll), (orgCall, ZohoScopes.OrgAll) })
        {
            Assert.Equal(401, error.Status);
            Assert.Equal("OAUTH_SCOPE_MISMATCH", error.Code);
            Assert.Equal(scope, error.RequiredScope);
            Assert.Contains(scope, error.Message);
        }
    }

    [Fact]
    public async Task UnknownModule_Fails_WithInvalidModule()
    {
        SimOrg org = fixture.NewOrg();
        await using ClientHarness harness = fixture.Connect(org);

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.ListRecordsAsync("contacts", ["Email"]).ToListAsync().AsTask());

        Assert.Equal(400, error.Status);
        Assert.Equal("INVALID_MODULE", error.Code);
    }

    private static void SetRate(SimOrg org, int status, double rate)
    {
        if (status == 500)
        {
            org.Faults.Rate500 = rate;
        }
        else
        {
            org.Faults.Rate503 = rate;
        }
    }
}
