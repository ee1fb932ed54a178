using ZohoCrm.Simulator;

namespace ZohoCrm.Client.Tests.Integration;

/// <summary>Every call of the client against the simulator over HTTP.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class ZohoCrmClientTests(SimulatorFixture fixture)
{
    [Theory]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V8)]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V2)]
    public async Task GetOrg_PrivacyOn_ReturnsOrg(ZohoCrmClientOptions.ServiceVersion version)
    {
        SimOrg org = fixture.NewOrg(s => s with { PrivacySettings = true, Edition = Simulator.ZohoEdition.Professional });
        await using ClientHarness harness = fixture.Connect(org, version);

        ZohoOrg result = await harness.Client.GetOrgAsync();

        Assert.True(result.PrivacySettings);
        Assert.False(string.IsNullOrEmpty(result.Id));
        Assert.NotNull(result.PaidType);
    }

    [Fact]
    public async Task GetFields_RestrictedEmail_ReportsEmailFieldsAndPrivacy()
    {
        SimOrg org = fixture.NewOrg(s => s with { RestrictedFields = ["Contacts.Email"] });
        await using ClientHarness harness = fixture.Connect(org);

        IReadOnlyList<ZohoField> fields = await harness.Client.GetFieldsAsync("Contacts");

        ZohoField email = Assert.Single(fields, f => f.ApiName == "Email");
        Assert.True(email.IsEmail);
        Assert.True(email.IsRestricted);
        Assert.Contains(fields, f => f.ApiName == "Secondary_Email" && f.IsEmail && !f.IsRestricted);
        Assert.Contains(fields, f => f.ApiName == "Account_Name" && f.LookupModule == "Accounts");
    }

    [Theory]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V8)]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V2)]
    public async Task GetRelatedLists_Contacts_UsesRelatedListNames(ZohoCrmClientOptions.ServiceVersion version)
    {
        SimOrg org = fixture.NewOrg();
        await using ClientHarness harness = fixture.Connect(org, version);

        IReadOnlyList<ZohoRelatedList> lists = await harness.Client.GetRelatedListsAsync("Contacts");

        Assert.Contains(lists, l => l.ApiName == "SalesOrders" && l.Module == "Sales_Orders");
        Assert.Contains(lists, l => l.ApiName == "Activities");
        Assert.DoesNotContain(lists, l => l.ApiName == "Calls");
    }

    [Theory]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V8)]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V2)]
    public async Task GetRecord_ExistingAndMissing_ReturnsRecordOrNull(ZohoCrmClientOptions.ServiceVersion version)
    {
        SimOrg org = fixture.NewOrg(s => s with { RestrictedFields = ["Contacts.Email"] });
        string id = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Ng", ["Email"] = "deb.ng@example.org" });
        await using ClientHarness harness = fixture.Connect(org, version);

        ZohoRecord? plain = await harness.Client.GetRecordAsync("Contacts", id);
        ZohoRecord? withPrivate = await harness.Client.GetRecordAsync("Contacts", id, includePrivateFields: true);
        ZohoRecord? missing = await harness.Client.GetRecordAsync("Contacts", "1" + id);

        Assert.Equal(id, plain!.Id);
        Assert.Equal("Ng", plain.GetString("Last_Name"));
        Assert.Null(plain.GetString("Email"));
        Assert.Equal("deb.ng@example.org", withPrivate!.GetString("Email"));
        Assert.Null(missing);
    }

    [Theory]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V8)]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V2)]
    public async Task SearchAndQuery_PlantedEmail_FindTheRecord(ZohoCrmClientOptions.ServiceVersion version)
    {
        SimOrg org = fixture.NewOrg();
        string id = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Ng", ["Email"] = "deb.ng@example.org" });
        org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Other", ["Email"] = "someone@example.org" });
        await using ClientHarness harness = fixture.Connect(org, version);

        List<ZohoRecord> byEmail = await harness.Client.SearchByEmailAsync("Contacts", "deb.ng@example.org").ToListAsync();
        List<ZohoRecord> byCriteria = await harness.Client.SearchByCriteriaAsync("Contacts", ZohoSearchCriteria.EqualTo("Email", "deb.ng@example.org")).ToListAsync();
        List<ZohoRecord> byCoql = await harness.Client.QueryAsync(new CoqlQuery("Contacts", ["Last_Name", "Email"], CoqlCondition.AnyOf([CoqlCondition.Equal("Email", "deb.ng@example.org"), CoqlCondition.Equal("Secondary_Email", "deb.ng@example.org")]))).ToListAsync();
        List<ZohoRecord> none = await harness.Client.SearchByEmailAsync("Contacts", "nobody.here@example.org").ToListAsync();

        Assert.Equal(id, Assert.Single(byEmail).Id);
        Assert.Equal(id, Assert.Single(byCriteria).Id);
        Assert.Equal(id, Assert.Single(byCoql).Id);
        Assert.Empty(none);
    }

    [Theory]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V8)]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V2)]
    public async Task Injection_ThroughEmail_MatchesNothing(ZohoCrmClientOptions.ServiceVersion version)
    {
        SimOrg org = fixture.NewOrg();
        org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "A", ["Email"] = "a@example.org" });
        org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "B", ["Email"] = "b@example.org" });
        await using ClientHarness harness = fixture.Connect(org, version);

        List<ZohoRecord> coql = await harness.Client.QueryAsync(new CoqlQuery("Contacts", ["Email"], CoqlCondition.Equal("Email", "x' or Email != 'y"))).ToListAsync();
        List<ZohoRecord> criteria = await harness.Client.SearchByCriteriaAsync("Contacts", ZohoSearchCriteria.EqualTo("Email", "a)or(Email:starts_with:b")).ToListAsync();

        Assert.Empty(coql);
        Assert.Empty(criteria);
    }

    [Fact]
    public async Task Search_RestrictedEmailField_FailsWithInvalidQuery()
    {
        SimOrg org = fixture.NewOrg(s => s with { RestrictedFields = ["Contacts.Email"] });
        await using ClientHarness harness = fixture.Connect(org);

        ZohoApiException byCriteria = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.SearchByCriteriaAsync("Contacts", ZohoSearchCriteria.EqualTo("Email", "deb.ng@example.org")).ToListAsync().AsTask());
        ZohoApiException byEmail = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.SearchByEmailAsync("Contacts", "deb.ng@example.org").ToListAsync().AsTask());

        foreach (ZohoApiException error in new[] { byCriteria, byEmail })
        {
            Assert.Equal(400, error.Status);
            Assert.Equal("INVALID_QUERY", error.Code);
            Assert.Equal("Email", error.Details!.Value.GetProperty("api_name").GetString());
            Assert.DoesNotContain("deb.ng@example.org", error.Message);
        }
    }

    [Theory]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V8)]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V2)]
    public async Task GetRelatedRecords_ContactWithQuotes_ReturnsThem(ZohoCrmClientOptions.ServiceVersion version)
    {
        SimOrg org = fixture.NewOrg();
        string contact = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Ng" });
        var quotes = new HashSet<string>();
        for (int i = 0; i < 205; i++)
        {
            quotes.Add(org.InsertRecord("Quotes", new Dictionary<string, object?> { ["Subject"] = "Q" + i, ["Contact_Name"] = contact }));
        }

        org.InsertRecord("Quotes", new Dictionary<string, object?> { ["Subject"] = "not hers" });
        await using ClientHarness harness = fixture.Connect(org, version);

        List<ZohoRecord> related = await harness.Client.GetRelatedRecordsAsync("Contacts", contact, "Quotes", ["Subject", "Contact_Name"]).ToListAsync();

        Assert.True(quotes.SetEquals(related.Select(r => r.Id)));
        Assert.All(related, r => Assert.Equal(contact, r.GetLookupId("Contact_Name")));
    }

    [Theory]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V8)]
    [InlineData(ZohoCrmClientOptions.ServiceVersion.V2)]
    public async Task DeleteRecords_MixedOutcomes_ReportsEachRecord(ZohoCrmClientOptions.ServiceVersion version)
    {
        SimOrg org = fixture.NewOrg();
        string deletable = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Gone" });
        string locked = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Locked" });
        org.LockRecord("Contacts", locked);
        string unknown = "9" + deletable;
        await using ClientHarness harness = fixture.Connect(org, version);

        IReadOnlyList<ZohoDeleteResult> results = await harness.Client.DeleteRecordsAsync("Contacts", [deletable, locked, unknown]);

        Assert.Equal(3, results.Count);
        Assert.True(results.Single(r => r.Id == deletable).Succeeded);
        Assert.Equal("RECORD_LOCKED", results.Single(r => r.Id == locked).Code);
        Assert.Equal("INVALID_DATA", results.Single(r => r.Id == unknown).Code);
        Assert.False(org.Exists("Contacts", deletable));
        Assert.True(org.IsInRecycleBin("Contacts", deletable));
        Assert.True(org.Exists("Contacts", locked));

        List<ZohoDeletedRecord> deleted = await harness.Client.ListDeletedRecordsAsync("Contacts", ZohoDeletedRecordType.Recycle).ToListAsync();
        ZohoDeletedRecord entry = Assert.Single(deleted);
        Assert.Equal(deletable, entry.Id);
        Assert.Equal("recycle", entry.Type);
        Assert.NotNull(entry.DeletedTime);
    }

    [Fact]
    public async Task PurgeFromRecycleBin_V8_RemovesFromBin()
    {
        SimOrg org = fixture.NewOrg();
        string id = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Gone" });
        await using ClientHarness harness = fixture.Connect(org);
        await harness.Client.DeleteRecordsAsync("Contacts", [id]);

        IReadOnlyList<ZohoDeleteResult> purged = await harness.Client.PurgeFromRecycleBinAsync([id]);

        Assert.True(Assert.Single(purged).Succeeded);
        Assert.False(org.IsInRecycleBin("Contacts", id));
    }

    [Fact]
    public async Task PurgeFromRecycleBin_V2_ThrowsNotSupported()
    {
        SimOrg org = fixture.NewOrg();
        await using ClientHarness harness = fixture.Connect(org, ZohoCrmClientOptions.ServiceVersion.V2);

        await Assert.ThrowsAsync<NotSupportedException>(() => harness.Client.PurgeFromRecycleBinAsync(["1"]));
        Assert.Equal(0, org.Counters.TotalCalls);
    }

    [Fact]
    public async Task Usage_CallsOfEveryKind_CountsCreditsLikeZoho()
    {
        SimOrg org = fixture.NewOrg();
        ProbeIds(org, out string id);
        await using ClientHarness harness = fixture.Connect(org, configure: o => o.CoqlPageSize = 1_000);

        await harness.Client.GetRecordAsync("Contacts", id);
        await harness.Client.QueryAsync(new CoqlQuery("Contacts", ["Email"], CoqlCondition.IsNotNull("Last_Name"))).ToListAsync();
        await harness.Client.ListDeletedRecordsAsync("Contacts").ToListAsync();

        ZohoUsage usage = harness.Client.Usage;
        Assert.Equal(3, usage.Calls);
        Assert.Equal(1 + 1 + 2, usage.CreditsUsed); // get 1; COQL LIMIT 200 (one row: no larger page asked) 1; deleted list 2
        Assert.Equal(org.Counters.CreditsUsed, usage.CreditsUsed);
        Assert.Equal(0, usage.InFlight);
        Assert.Equal(1, usage.PeakInFlight);
    }

    [Fact]
    public async Task Usage_ConcurrentCalls_TracksPeakInFlightSharedAcrossClients()
    {
        SimOrg org = fixture.NewOrg();
        org.Faults.LatencyMin = TimeSpan.FromMilliseconds(200);
        org.Faults.LatencyMax = TimeSpan.FromMilliseconds(200);
        await using ClientHarness harness = fixture.Connect(org);
        await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => harness.Client.GetOrgAsync()));

        Assert.Equal(8, harness.Client.Usage.Calls);
        Assert.InRange(harness.Client.Usage.PeakInFlight, 2, 8);
        Assert.Equal(0, harness.Client.Usage.InFlight);
    }

    [Fact]
    public async Task GetAccessToken_FiftyConcurrentCallers_OneTokenRequestReachesZoho()
    {
        SimOrg org = fixture.NewOrg();
        await using ClientHarness harness = fixture.Connect(org);

        ZohoOrg[] results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => harness.Client.GetOrgAsync())));

        Assert.Equal(50, results.Length);
        Assert.Equal(1, org.Counters.TokenRequests);
        Assert.Equal(50, org.Counters.TotalCalls);
    }

    [Fact]
    public async Task ExchangeCode_GrantFromConsent_StoresRefreshTokenThatWorks()
    {
        SimOrg org = fixture.NewOrg();
        await using ClientHarness harness = fixture.Connect(org, refreshToken: "1000.placeholder.refresh");
        string code = org.IssueGrantCode("https://dsr.example.org/oauth/callback", [.. ZohoScopes.DsrWorkflow]);

        await harness.Tokens.ExchangeCodeAsync(ClientHarness.OrgId, code);
        await harness.Store.SetAccessTokenAsync(ClientHarness.OrgId, new ZohoAccessToken("1000.expired", fixture.Host.ApiDomain(org.DataCenter), DateTimeOffset.MinValue));
        ZohoOrg result = await harness.Client.GetOrgAsync();

        Assert.NotEqual("1000.placeholder.refresh", await harness.Store.GetRefreshTokenAsync(ClientHarness.OrgId));
        Assert.NotNull(result);
        ZohoApiException reused = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Tokens.ExchangeCodeAsync(ClientHarness.OrgId, code));
        Assert.Equal("invalid_code", reused.Code);
    }

    [Fact]
    public async Task GetAccessToken_RevokedRefreshToken_FailsWithInvalidCode()
    {
        SimOrg org = fixture.NewOrg();
        await using ClientHarness harness = fixture.Connect(org);
        await harness.Tokens.RevokeAsync(ClientHarness.OrgId);

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.GetOrgAsync());

        Assert.Equal("invalid_code", error.Code);
    }

    [Fact]
    public async Task GetAccessToken_RefreshTokenRevokedAtZoho_FailsAtOnceUntilReauthorised()
    {
        SimOrg org = fixture.NewOrg();
        await using ClientHarness harness = fixture.Connect(org);
        org.RevokeRefreshToken(org.RefreshToken);

        ZohoApiException first = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.GetOrgAsync());
        ZohoApiException again = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.ListRecordsAsync("Contacts", ["Email"]).ToListAsync().AsTask());

        Assert.Equal(ZohoErrorCodes.InvalidCode, first.Code);
        Assert.Equal(ZohoErrorCodes.InvalidCode, again.Code);
        Assert.Contains("re-authorise", again.Message);
        Assert.Equal(1, org.Counters.TokenRequests);
        Assert.Equal(0, org.Counters.TotalCalls);

        await harness.Tokens.ExchangeCodeAsync(ClientHarness.OrgId, org.IssueGrantCode("https://dsr.example.org/oauth/callback", [.. ZohoScopes.DsrWorkflow]));
        Assert.NotNull(await harness.Client.GetOrgAsync());
    }

    [Fact]
    public async Task GetAccessToken_WrongClientSecret_FailsWithInvalidClient()
    {
        SimOrg org = fixture.NewOrg();
        await using ClientHarness harness = fixture.Connect(org);
        harness.Store.SetCredentials(ClientHarness.OrgId, "wrong-secret", org.RefreshToken);

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.GetOrgAsync());

        Assert.Equal("invalid_client", error.Code);
        Assert.DoesNotContain("wrong-secret", error.Message);
    }

    private static void ProbeIds(SimOrg org, out string id)
        => id = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Probe", ["Email"] = "probe@example.org" });
}
