using System.Net;

namespace ZohoCrm.Simulator.Tests.Apis;

public sealed class AdminFaultsApiTests : IAsyncLifetime
{
    private TestSim _sim = null!;
    private SimOrg _org = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _sim = await TestSim.StartAsync();
        _org = _sim.Host.AddOrg(new SimOrgSpec { OrgId = "aimed" });
        _token = await _sim.AccessTokenAsync(_org);
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Faults_RuleOverHttp_TargetsOnlyMatchingCalls()
    {
        var id = _org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Aimed" });

        using var set = await _sim.AdminPostAsync("orgs/aimed/faults", """
            {"rules":[{"kind":"lostAnswerGatewayTimeout","method":"DELETE","pathPattern":"/Contacts*","maxTimes":1}]}
            """);
        using var get = await _sim.GetAsync(_org, _token, "Contacts/" + id);
        using var delete = await _sim.DeleteAsync(_org, _token, "Contacts?ids=" + id, 8);
        using var again = await _sim.DeleteAsync(_org, _token, "Contacts?ids=" + id, 8);
        using var read = await _sim.AdminGetAsync("orgs/aimed/faults");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.GatewayTimeout, delete.StatusCode);
        Assert.Equal("INVALID_DATA", (await TestSim.JsonAsync(again)).GetProperty("data")[0].GetProperty("code").GetString());
        var rule = (await TestSim.JsonAsync(read)).GetProperty("rules")[0];
        Assert.Equal(("LostAnswerGatewayTimeout", 2, 1), (rule.GetProperty("kind").GetString(), rule.GetProperty("matched").GetInt32(), rule.GetProperty("fired").GetInt32()));
        Assert.True(_org.IsInRecycleBin("Contacts", id));
    }

    [Theory]
    [InlineData("""{"rules":[{"kind":"nope"}]}""", "rules[0].kind")]
    [InlineData("""{"rules":[{"kind":"3"}]}""", "rules[0].kind")]
    [InlineData("""{"rules":[{"kind":"internalError"},{"kind":"internalError","probability":2}]}""", "rules[1].probability")]
    [InlineData("""{"rules":[{"kind":"internalError","method":"delete"}]}""", "rules[0].method")]
    [InlineData("""{"rules":[{"kind":"internalError","pathPattern":"Contacts"}]}""", "rules[0].pathPattern")]
    [InlineData("""{"rules":[{"kind":"internalError","maxTimes":0}]}""", "rules[0].maxTimes")]
    public async Task Faults_InvalidRule_BadRequestNamingTheFieldAndNothingSet(string body, string field)
    {
        using var response = await _sim.AdminPostAsync("orgs/aimed/faults", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(field + " must", (await TestSim.JsonAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(_org.Faults.Rules);
    }

    [Fact]
    public async Task Faults_ClearOverHttp_RemovesRatesAndRules()
    {
        _org.Faults.Rate500 = 1;
        _org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.InternalError });

        using var clear = await _sim.AdminPostAsync("orgs/aimed/faults", """{"clear":true}""");
        using var call = await _sim.GetAsync(_org, _token, "org");

        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        Assert.Empty(_org.Faults.Rules);
    }

    [Fact]
    public async Task Tokens_RevokeThenReissueOverHttp_OldRefreshFailsNewOneWorks()
    {
        var old = _org.RefreshToken;

        using var revoke = await _sim.AdminPostAsync("orgs/aimed/tokens/revoke", "{}");
        using var call = await _sim.GetAsync(_org, _token, "org");
        var refused = await _sim.TokenAsync(_org, old);
        using var reissue = await _sim.AdminPostAsync("orgs/aimed/tokens/reissue", "{}");
        var fresh = (await TestSim.JsonAsync(reissue)).GetProperty("refreshToken").GetString()!;
        var token = await _sim.AccessTokenAsync(_org, fresh);
        using var after = await _sim.GetAsync(_org, token, "org");

        Assert.True((await TestSim.JsonAsync(revoke)).GetProperty("revoked").GetInt32() >= 1);
        await TestSim.AssertErrorAsync(call, 401, "INVALID_TOKEN");
        Assert.Equal("invalid_code", refused.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Faults_UnknownOrg_NotFound()
    {
        using var response = await _sim.AdminPostAsync("orgs/nobody/faults", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
