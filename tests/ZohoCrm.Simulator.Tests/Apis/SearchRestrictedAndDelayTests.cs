using System.Net;

namespace ZohoCrm.Simulator.Tests.Apis;

public sealed class SearchRestrictedAndDelayTests : IAsyncLifetime
{
    private TestSim _sim = null!;
    private SimOrg _org = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _sim = await TestSim.StartAsync();
        _org = _sim.Host.AddOrg(new SimOrgSpec { OrgId = "gdpr", RestrictedFields = ["Contacts.Email"] });
        _org.Seed(new SeedSpec { Contacts = 50, Leads = 20, Cases = 10 });
        _token = await _sim.AccessTokenAsync(_org);
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Criteria_RestrictedField_InvalidQueryNamingIt()
    {
        using var response = await _sim.GetAsync(_org, _token, "Contacts/search?criteria=(Email:equals:lee.look@example.com)");

        var json = await TestSim.AssertErrorAsync(response, 400, "INVALID_QUERY");
        Assert.Equal("Cannot use the restricted field.", json.GetProperty("details").GetProperty("reason").GetString());
        Assert.Equal("Email", json.GetProperty("details").GetProperty("api_name").GetString());
        Assert.Equal("invalid query formed", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Email_RestrictedFieldByDefault_InvalidQuery()
    {
        using var response = await _sim.GetAsync(_org, _token, "Contacts/search?email=lee.look@example.com");
        using var leads = await _sim.GetAsync(_org, _token, "Leads/search?email=lee.look@example.org");

        await TestSim.AssertErrorAsync(response, 400, "INVALID_QUERY");
        Assert.Equal(HttpStatusCode.OK, leads.StatusCode);
    }

    [Fact]
    public async Task Coql_RestrictedFieldInWhere_InvalidQuery()
    {
        using var response = await _sim.CoqlAsync(_org, _token, "select Last_Name from Contacts where Email = 'lee.look@example.com'");

        var json = await TestSim.AssertErrorAsync(response, 400, "INVALID_QUERY");
        Assert.Equal("Email", json.GetProperty("details").GetProperty("api_name").GetString());
    }

    [Fact]
    public async Task Get_RestrictedValue_NullWithoutIncludeAndPrivateFieldsListedWithIt()
    {
        var id = _org.PlantedSubjects.Single(s => s.Name == "exact").ExpectedRecordIds["Contacts"][0];

        using var plain = await _sim.GetAsync(_org, _token, $"Contacts/{id}");
        using var include = await _sim.GetAsync(_org, _token, $"Contacts/{id}?include=private_fields");
        var plainJson = await TestSim.JsonAsync(plain);
        var includeJson = await TestSim.JsonAsync(include);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, plainJson.GetProperty("data")[0].GetProperty("Email").ValueKind);
        Assert.False(plainJson.TryGetProperty("private_fields", out _));
        Assert.Equal("maria.exact@example.com", includeJson.GetProperty("data")[0].GetProperty("Email").GetString());
        var privateField = includeJson.GetProperty("private_fields")[0];
        Assert.Equal("Email", privateField.GetProperty("api_name").GetString());
        Assert.True(privateField.GetProperty("private").GetProperty("restricted").GetBoolean());
        Assert.Equal("High", privateField.GetProperty("private").GetProperty("type").GetString());
        Assert.False(privateField.GetProperty("private").GetProperty("export").GetBoolean());
    }

    [Fact]
    public async Task Search_FreshRecord_InvisibleUntilIndexDelayButCoqlSeesIt()
    {
        var id = _org.InsertRecord("Leads", new Dictionary<string, object?> { ["Last_Name"] = "Fresh", ["Email"] = "fresh.one@example.com" });

        using var before = await _sim.GetAsync(_org, _token, "Leads/search?email=fresh.one@example.com");
        using var coql = await _sim.CoqlAsync(_org, _token, "select Email from Leads where Email = 'fresh.one@example.com'");
        _sim.Time.Advance(TimeSpan.FromSeconds(31));
        using var after = await _sim.GetAsync(_org, _token, "Leads/search?email=fresh.one@example.com");

        Assert.Equal(HttpStatusCode.NoContent, before.StatusCode);
        Assert.Equal([id], TestSim.Ids(await TestSim.JsonAsync(coql)));
        Assert.Equal([id], TestSim.Ids(await TestSim.JsonAsync(after)));
    }
}
