using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace ZohoCrm.Simulator.Tests.Apis;

public sealed class OAuthApiTests : IAsyncLifetime
{
    private TestSim _sim = null!;
    private SimOrg _org = null!;

    public async Task InitializeAsync()
    {
        _sim = await TestSim.StartAsync();
        _org = _sim.Host.AddOrg(new SimOrgSpec { OrgId = "oauth", DataCenter = "US" });
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Token_RefreshGrantInForm_ReturnsZohoTokenShape()
    {
        var json = await _sim.TokenAsync(_org);

        Assert.StartsWith("1000.", json.GetProperty("access_token").GetString());
        Assert.Equal(_sim.Host.ApiDomain("US").ToString().TrimEnd('/'), json.GetProperty("api_domain").GetString());
        Assert.Equal("Bearer", json.GetProperty("token_type").GetString());
        Assert.Equal(3600, json.GetProperty("expires_in").GetInt32());
        Assert.False(json.TryGetProperty("refresh_token", out _));
        Assert.Equal(1, _org.Counters.TokenRefreshes);
    }

    [Fact]
    public async Task Token_RefreshGrantInQuery_Accepted()
    {
        var url = QueryHelpers.AddQueryString(_sim.TokenUrl("US").ToString(), new Dictionary<string, string?>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = _org.ClientId,
            ["client_secret"] = _org.ClientSecret,
            ["refresh_token"] = _org.RefreshToken,
        });
        using var response = await _sim.Http.PostAsync(url, null);
        var json = await TestSim.JsonAsync(response);

        Assert.True(json.TryGetProperty("access_token", out _));
    }

    [Theory]
    [InlineData("US", "wrong-secret", "invalid_client")]
    [InlineData("EU", null, "invalid_client")]
    public async Task Token_BadClientOrWrongDataCenter_InvalidClientWith200(string dc, string? secret, string error)
    {
        using var response = await _sim.Http.PostAsync(_sim.TokenUrl(dc), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = _org.ClientId,
            ["client_secret"] = secret ?? _org.ClientSecret,
            ["refresh_token"] = _org.RefreshToken,
        }));
        var json = await TestSim.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(error, json.GetProperty("error").GetString());
        Assert.False(json.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Authorize_ThenExchange_ReturnsRefreshTokenAndCodeIsSingleUse()
    {
        const string redirect = "http://127.0.0.1:9/callback";
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler);
        var authUrl = QueryHelpers.AddQueryString(_sim.Host.AccountsUrl("us") + "/oauth/v2/auth", new Dictionary<string, string?>
        {
            ["scope"] = "ZohoCRM.modules.ALL,ZohoCRM.org.ALL",
            ["client_id"] = _org.ClientId,
            ["response_type"] = "code",
            ["access_type"] = "offline",
            ["redirect_uri"] = redirect,
            ["state"] = "s1",
        });
        using var auth = await client.GetAsync(authUrl);
        Assert.Equal(HttpStatusCode.Redirect, auth.StatusCode);
        var location = auth.Headers.Location!;
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.StartsWith(redirect, location.ToString());
        Assert.Equal("us", query["location"].ToString());
        Assert.Equal(_sim.Host.AccountsUrl("US").ToString(), query["accounts-server"].ToString());
        Assert.Equal("s1", query["state"].ToString());

        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = _org.ClientId,
            ["client_secret"] = _org.ClientSecret,
            ["redirect_uri"] = redirect,
            ["code"] = query["code"].ToString(),
        };
        using var first = await _sim.Http.PostAsync(_sim.TokenUrl("US"), new FormUrlEncodedContent(form));
        var json = await TestSim.JsonAsync(first);
        using var second = await _sim.Http.PostAsync(_sim.TokenUrl("US"), new FormUrlEncodedContent(form));

        Assert.StartsWith("1000.", json.GetProperty("refresh_token").GetString());
        Assert.Equal(3600, json.GetProperty("expires_in").GetInt32());
        Assert.Equal("invalid_code", (await TestSim.JsonAsync(second)).GetProperty("error").GetString());
        using var org = await _sim.GetAsync(_org, json.GetProperty("access_token").GetString()!, "org");
        Assert.Equal(HttpStatusCode.OK, org.StatusCode);
    }

    [Fact]
    public async Task Exchange_ExpiredGrantCode_InvalidCode()
    {
        var code = _org.IssueGrantCode("http://127.0.0.1:9/cb", "ZohoCRM.modules.ALL");
        _sim.Time.Advance(TimeSpan.FromMinutes(3));

        using var response = await _sim.Http.PostAsync(_sim.TokenUrl("US"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = _org.ClientId,
            ["client_secret"] = _org.ClientSecret,
            ["redirect_uri"] = "http://127.0.0.1:9/cb",
            ["code"] = code,
        }));

        Assert.Equal("invalid_code", (await TestSim.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Api_AccessTokenAfterOneHour_InvalidToken()
    {
        var token = await _sim.AccessTokenAsync(_org);
        using var before = await _sim.GetAsync(_org, token, "org");
        _sim.Time.Advance(TimeSpan.FromHours(1));
        using var after = await _sim.GetAsync(_org, token, "org");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var json = await TestSim.AssertErrorAsync(after, 401, "INVALID_TOKEN");
        Assert.Equal("invalid oauth token", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Token_EleventhRefreshInTenMinutes_AccessDeniedUntilWindowPasses()
    {
        for (var i = 0; i < 10; i++)
        {
            await _sim.AccessTokenAsync(_org);
            _sim.Time.Advance(TimeSpan.FromSeconds(30));
        }

        var denied = await _sim.TokenAsync(_org);
        _sim.Time.Advance(TimeSpan.FromMinutes(5.5));
        var allowed = await _sim.TokenAsync(_org);

        Assert.Equal("Access Denied", denied.GetProperty("error").GetString());
        Assert.Equal("You have made too many requests continuously. Please try again after some time.", denied.GetProperty("error_description").GetString());
        Assert.Equal("failure", denied.GetProperty("status").GetString());
        Assert.True(allowed.TryGetProperty("access_token", out _));
        Assert.Equal(1, _org.Counters.ThrottledCalls);
    }

    [Fact]
    public async Task Token_SixteenthActiveToken_InvalidatesOldest()
    {
        var tokens = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            tokens.Add(await _sim.AccessTokenAsync(_org));
            _sim.Time.Advance(TimeSpan.FromMinutes(1.1));
        }

        using var oldest = await _sim.GetAsync(_org, tokens[0], "org");
        using var second = await _sim.GetAsync(_org, tokens[1], "org");

        await TestSim.AssertErrorAsync(oldest, 401, "INVALID_TOKEN");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Revoke_RefreshToken_InvalidatesItAndItsAccessTokens()
    {
        var refresh = _org.IssueRefreshToken([.. SimOrg.DsrScopes]);
        var access = await _sim.AccessTokenAsync(_org, refresh);

        using var revoke = await _sim.Http.PostAsync(_sim.Host.AccountsUrl("US") + "/oauth/v2/token/revoke?token=" + refresh, null);
        using var api = await _sim.GetAsync(_org, access, "org");
        using var again = await _sim.Http.PostAsync(_sim.TokenUrl("US"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = _org.ClientId,
            ["client_secret"] = _org.ClientSecret,
            ["refresh_token"] = refresh,
        }));

        Assert.Equal("success", (await TestSim.JsonAsync(revoke)).GetProperty("status").GetString());
        await TestSim.AssertErrorAsync(api, 401, "INVALID_TOKEN");
        Assert.Equal("invalid_code", (await TestSim.JsonAsync(again)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task ExpireAccessTokens_MidRun_InvalidToken()
    {
        var token = await _sim.AccessTokenAsync(_org);
        _org.ExpireAccessTokens();

        using var response = await _sim.GetAsync(_org, token, "org");

        await TestSim.AssertErrorAsync(response, 401, "INVALID_TOKEN");
    }

    [Theory]
    [InlineData("Contacts/search?email=a@example.com", "ZohoCRM.modules.ALL")]
    [InlineData("settings/fields?module=Contacts", "ZohoCRM.modules.ALL,ZohoCRM.org.ALL")]
    [InlineData("org", "ZohoCRM.modules.ALL,ZohoCRM.org.READ")]
    [InlineData("Contacts?fields=Email", "ZohoCRM.modules.leads.ALL,ZohoSearch.securesearch.READ")]
    public async Task Api_MissingScope_OauthScopeMismatch(string relative, string scopes)
    {
        var token = await _sim.AccessTokenAsync(_org, _org.IssueRefreshToken(scopes.Split(',')));

        using var response = await _sim.GetAsync(_org, token, relative);

        var json = await TestSim.AssertErrorAsync(response, 401, "OAUTH_SCOPE_MISMATCH");
        Assert.Equal("invalid oauth scope to access this URL", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Coql_WithoutCoqlScope_OauthScopeMismatch()
    {
        var token = await _sim.AccessTokenAsync(_org, _org.IssueRefreshToken("ZohoCRM.modules.ALL", "ZohoSearch.securesearch.READ"));

        using var response = await _sim.CoqlAsync(_org, token, "select Email from Contacts where Email = 'a@example.com'");

        await TestSim.AssertErrorAsync(response, 401, "OAUTH_SCOPE_MISMATCH");
    }

    [Fact]
    public async Task Api_BearerScheme_Rejected()
    {
        var token = await _sim.AccessTokenAsync(_org);
        using var request = new HttpRequestMessage(HttpMethod.Get, _sim.Crm(_org, 2, "org"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await _sim.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_TokenUsedOnOtherDataCentre_InvalidToken()
    {
        var token = await _sim.AccessTokenAsync(_org);

        using var response = await _sim.SendAsync(HttpMethod.Get, new Uri(_sim.Host.ApiDomain("EU") + "/crm/v2/org"), token, null);

        await TestSim.AssertErrorAsync(response, 401, "INVALID_TOKEN");
    }

    [Fact]
    public async Task Token_UnknownGrantType_ErrorBody()
    {
        using var response = await _sim.Http.PostAsync(_sim.TokenUrl("US"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = _org.ClientId,
        }));

        Assert.Equal(JsonValueKind.String, (await TestSim.JsonAsync(response)).GetProperty("error").ValueKind);
        Assert.Equal(1, _org.Counters.TokenRequests);
    }
}
