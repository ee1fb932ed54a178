using Moq;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace ZohoCrm.Client.Tests.Auth;

public sealed class ZohoTokenProviderTests
{
    private static readonly FakeHandler NoApi = new((_, _) => throw new InvalidOperationException("no API call expected"));

    [Fact]
    public async Task GetAccessToken_SecondsForm_CachesUntilMarginBeforeExpiry()
    {
        FakeTimeProvider clock = ClientHarness.NewClock();
        var token = new FakeHandler((_, call) => FakeHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"1000.t{{call}}","api_domain":"https://www.zohoapis.eu","token_type":"Bearer","expires_in":3600}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token, time: clock, seedAccessToken: false);

        ZohoAccessToken first = await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);
        clock.Advance(TimeSpan.FromMinutes(57));
        ZohoAccessToken cached = await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);
        clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        ZohoAccessToken renewed = await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);

        Assert.Equal("1000.t1", first.Token);
        Assert.Equal(new Uri("https://www.zohoapis.eu"), first.ApiDomain);
        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromMinutes(58) - TimeSpan.FromSeconds(1) + TimeSpan.FromHours(1), first.ExpiresAt);
        Assert.Same(first, cached);
        Assert.Equal("1000.t2", renewed.Token);
        Assert.Equal(2, token.Calls);
    }

    [Fact]
    public async Task GetAccessToken_RefreshRequest_SendsFormWithRefreshGrant()
    {
        var token = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, """{"access_token":"1000.a","api_domain":"https://www.zohoapis.com","expires_in":3600}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token, seedAccessToken: false);

        await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);

        FakeHandler.RecordedRequest request = Assert.Single(token.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://127.0.0.1:9/accounts/oauth/v2/token", request.Uri.ToString());
        Assert.Contains("grant_type=refresh_token", request.Body);
        Assert.Contains("client_id=1000.CLIENTID", request.Body);
        Assert.Contains("refresh_token=1000.refresh.0123456789", request.Body);
        Assert.Contains("client_secret=secret-value-0123456789", request.Body);
    }

    [Fact]
    public async Task GetAccessToken_LegacyMillisecondsForm_UsesExpiresInSec()
    {
        FakeTimeProvider clock = ClientHarness.NewClock();
        var token = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, """{"access_token":"1000.a","api_domain":"https://www.zohoapis.com","expires_in_sec":3600,"expires_in":3600000}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token, time: clock, seedAccessToken: false);

        ZohoAccessToken result = await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);

        Assert.Equal(clock.GetUtcNow().AddHours(1), result.ExpiresAt);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, """{"error":"invalid_code"}""", "invalid_code")]
    [InlineData(HttpStatusCode.BadRequest, """{"error":"invalid_client"}""", "invalid_client")]
    public async Task GetAccessToken_ErrorBody_ThrowsWithZohoCode(HttpStatusCode status, string body, string code)
    {
        var token = new FakeHandler((_, _) => FakeHandler.Json(status, body));
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token, seedAccessToken: false);

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId));

        Assert.Equal(code, error.Code);
        Assert.Equal((int)status, error.Status);
        Assert.DoesNotContain("secret-value", error.Message);
    }

    [Fact]
    public async Task GetAccessToken_AccessDeniedTooManyRequests_ThrowsThrottled()
    {
        var token = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, """{"error":"Access Denied","error_description":"You have made too many requests continuously. Please try again after some time.","status":"failure"}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token, seedAccessToken: false);

        ZohoThrottledException error = await Assert.ThrowsAsync<ZohoThrottledException>(() => harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId));

        Assert.Equal("Access Denied", error.Code);
        Assert.Null(error.RetryAfter);
        Assert.Equal(1, token.Calls);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("")]
    [InlineData("""{"access_token":"1000.""")]
    public async Task GetAccessToken_UnreadableBody_ThrowsZohoApiException(string body)
    {
        var token = new FakeHandler((_, _) => FakeHandler.Text(HttpStatusCode.BadGateway, body));
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token, seedAccessToken: false);

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId));

        Assert.Equal(502, error.Status);
        Assert.Null(error.Code);
    }

    [Fact]
    public async Task GetAccessToken_ElevenRefreshesInWindow_RefusesLocallyUntilWindowFrees()
    {
        FakeTimeProvider clock = ClientHarness.NewClock();
        var token = new FakeHandler((_, call) => FakeHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"1000.t{{call}}","api_domain":"https://www.zohoapis.com","expires_in":3600}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token, time: clock, seedAccessToken: false);

        string? rejected = null;
        for (int i = 0; i < 10; i++)
        {
            rejected = (await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId, rejected)).Token;
            clock.Advance(TimeSpan.FromSeconds(30));
        }

        ZohoThrottledException error = await Assert.ThrowsAsync<ZohoThrottledException>(() => harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId, rejected));

        Assert.Equal(10, token.Calls);
        Assert.Equal(10, harness.Tokens.GetTokenRequestsInWindow(ClientHarness.OrgId));
        Assert.Equal(TimeSpan.FromMinutes(5), error.RetryAfter);
        clock.Advance(error.RetryAfter!.Value);
        Assert.Equal("1000.t11", (await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId, rejected)).Token);
    }

    [Fact]
    public async Task GetAccessToken_FiftyConcurrentCallers_SendsOneTokenRequest()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource();
        var token = new FakeHandler((_, _) =>
        {
            entered.TrySetResult();
            release.Task.GetAwaiter().GetResult();
            return FakeHandler.Json(HttpStatusCode.OK, """{"access_token":"1000.one","api_domain":"https://www.zohoapis.com","expires_in":3600}""");
        });
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token, seedAccessToken: false);

        Task<ZohoAccessToken>[] callers = [.. Enumerable.Range(0, 50).Select(_ => Task.Run(() => harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId)))];
        await entered.Task;
        release.SetResult();
        ZohoAccessToken[] tokens = await Task.WhenAll(callers);

        Assert.Equal(1, token.Calls);
        Assert.All(tokens, t => Assert.Equal("1000.one", t.Token));
    }

    [Fact]
    public async Task GetAccessToken_RejectedTokenAlreadyReplaced_DoesNotRefreshAgain()
    {
        var token = new FakeHandler((_, call) => FakeHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"1000.t{{call}}","api_domain":"https://www.zohoapis.com","expires_in":3600}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token, seedAccessToken: false);

        ZohoAccessToken first = await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);
        ZohoAccessToken second = await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId, first.Token);
        ZohoAccessToken stale = await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId, first.Token);

        Assert.Equal("1000.t2", second.Token);
        Assert.Same(second, stale);
        Assert.Equal(2, token.Calls);
    }

    [Fact]
    public async Task BuildAuthorizationUrl_Org_HasEveryScopeAndOfflineConsent()
    {
        await using ClientHarness harness = ClientHarness.Create(org =>
        {
            org.DataCenter = "EU";
            org.RedirectUri = new Uri("https://dsr.example.org/callback");
        });

        Uri url = harness.Tokens.BuildAuthorizationUrl(ClientHarness.OrgId, "st4te");

        Assert.StartsWith("https://accounts.zoho.eu/oauth/v2/auth?", url.ToString());
        string query = Uri.UnescapeDataString(url.Query);
        Assert.Contains("scope=" + string.Join(',', ZohoScopes.DsrWorkflow), query);
        Assert.Contains("client_id=1000.CLIENTID", query);
        Assert.Contains("response_type=code", query);
        Assert.Contains("access_type=offline", query);
        Assert.Contains("prompt=consent", query);
        Assert.Contains("redirect_uri=https://dsr.example.org/callback", query);
        Assert.Contains("state=st4te", query);
    }

    [Fact]
    public async Task ExchangeCode_Success_StoresRefreshTokenAndCachesAccessToken()
    {
        var token = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, """{"access_token":"1000.acc","refresh_token":"1000.newrefresh","api_domain":"https://www.zohoapis.com","expires_in":3600}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token, seedAccessToken: false);
        harness.Provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ZohoCrmClientOptions>>().Value.Orgs[ClientHarness.OrgId].RedirectUri = new Uri("https://dsr.example.org/cb");

        ZohoAccessToken result = await harness.Tokens.ExchangeCodeAsync(ClientHarness.OrgId, "1000.grant", new Uri("http://127.0.0.1:9/accounts/"));

        Assert.Equal("1000.acc", result.Token);
        Assert.Equal("1000.newrefresh", await harness.Store.GetRefreshTokenAsync(ClientHarness.OrgId));
        Assert.Same(result, await harness.Store.GetAccessTokenAsync(ClientHarness.OrgId));
        FakeHandler.RecordedRequest request = Assert.Single(token.Requests);
        Assert.Equal("http://127.0.0.1:9/accounts/oauth/v2/token", request.Uri.ToString());
        Assert.Contains("grant_type=authorization_code", request.Body);
        Assert.Contains("code=1000.grant", request.Body);
    }

    [Fact]
    public async Task GetAccessToken_ValidTokenInProcess_DoesNotReadStoreAgain()
    {
        var store = new Mock<IZohoTokenStore>();
        store.Setup(x => x.GetAccessTokenAsync(ClientHarness.OrgId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ZohoAccessToken("1000.stored", new Uri("https://www.zohoapis.com"), DateTimeOffset.MaxValue));
        var options = new ZohoCrmClientOptions();
        options.Orgs[ClientHarness.OrgId] = new ZohoOrgOptions { ClientId = "1000.X" };
        var provider = new ZohoTokenProvider(
            new HttpClient(new FakeHandler((_, _) => throw new InvalidOperationException("no token call expected"))),
            store.Object,
            Microsoft.Extensions.Options.Options.Create(options),
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ZohoTokenProvider>.Instance);

        for (int i = 0; i < 10; i++)
        {
            Assert.Equal("1000.stored", (await provider.GetAccessTokenAsync(ClientHarness.OrgId)).Token);
        }

        store.Verify(x => x.GetAccessTokenAsync(ClientHarness.OrgId, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task GetAccessToken_CallerCancelledDuringSharedRefresh_OthersStillGetTheToken()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = new AsyncTokenHandler(async ct =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(ct);
            return FakeHandler.Json(HttpStatusCode.OK, """{"access_token":"1000.one","api_domain":"https://www.zohoapis.com","expires_in":3600}""");
        });
        await using ClientHarness harness = ClientHarness.Create(
            org => org.AccountsUrl = new Uri("http://127.0.0.1:9/accounts"),
            services: s => s.AddHttpClient(ZohoTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => token));
        harness.Store.SetCredentials(ClientHarness.OrgId, "secret-value-0123456789", "1000.refresh.0123456789");
        using var impatient = new CancellationTokenSource();

        Task<ZohoAccessToken> first = harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId, cancellationToken: impatient.Token);
        await entered.Task;
        Task<ZohoAccessToken> second = harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult();

        Assert.Equal("1000.one", (await second).Token);
        Assert.Equal(1, token.Calls);
    }

    [Theory]
    [InlineData("invalid_code", "revoked or is invalid")]
    [InlineData("invalid_client", "client id or secret")]
    public async Task GetAccessToken_TerminalRefreshFailure_RememberedUntilCredentialsChange(string code, string explanation)
    {
        string answer = $$"""{"error":"{{code}}"}""";
        var token = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, answer));
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token, seedAccessToken: false);

        ZohoApiException first = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId));
        ZohoApiException second = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId));
        ZohoApiException third = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.GetOrgAsync());

        Assert.Equal(1, token.Calls);
        Assert.Equal(1, harness.Tokens.GetTokenRequestsInWindow(ClientHarness.OrgId));
        Assert.Equal(0, harness.Client.Usage.Calls); // nothing was sent to the API
        Assert.Equal(0, harness.Client.Usage.CreditsUsed);
        foreach (ZohoApiException error in new[] { first, second, third })
        {
            Assert.IsNotType<ZohoThrottledException>(error);
            Assert.Equal(code, error.Code);
            Assert.Contains(ClientHarness.OrgId, error.Message);
            Assert.Contains(explanation, error.Message);
            Assert.Contains("re-authorise", error.Message);
            Assert.DoesNotContain("secret-value", error.Message);
        }

        answer = """{"access_token":"1000.after","api_domain":"https://www.zohoapis.com","expires_in":3600}""";
        harness.Store.SetCredentials(ClientHarness.OrgId, "secret-value-0123456789", "1000.refresh.reauthorised");
        Assert.Equal("1000.after", (await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId)).Token);
        Assert.Equal(2, token.Calls);
    }

    [Fact]
    public async Task GetAccessToken_TransientFailure_NotRemembered()
    {
        var token = new FakeHandler((_, call) => call <= 4
            ? FakeHandler.Text(HttpStatusCode.BadGateway, "<html>bad gateway</html>")
            : FakeHandler.Json(HttpStatusCode.OK, """{"access_token":"1000.later","api_domain":"https://www.zohoapis.com","expires_in":3600}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token, seedAccessToken: false, configure: o => o.MaxTransientRetries = 3);

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId));

        Assert.Equal(502, error.Status);
        Assert.Equal(4, token.Calls);
        Assert.Equal("1000.later", (await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId)).Token);
    }

    [Fact]
    public async Task GetAccessToken_RefreshAnswerLostOnce_RetriedAndEachAttemptCounted()
    {
        var token = new FakeHandler((_, call) => call == 1
            ? throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.")
            : FakeHandler.Json(HttpStatusCode.OK, """{"access_token":"1000.second","api_domain":"https://www.zohoapis.com","expires_in":3600}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token, seedAccessToken: false);

        ZohoAccessToken result = await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);

        Assert.Equal("1000.second", result.Token);
        Assert.Equal(2, token.Calls);
        Assert.Equal(2, harness.Tokens.GetTokenRequestsInWindow(ClientHarness.OrgId));
    }

    [Fact]
    public async Task ExchangeCode_ServerError_NotRetried()
    {
        var token = new FakeHandler((_, _) => FakeHandler.Text(HttpStatusCode.BadGateway, "<html>bad gateway</html>"));
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token, seedAccessToken: false, configure: o => o.MaxTransientRetries = 3);
        SetRedirectUri(harness);

        await Assert.ThrowsAsync<ZohoApiException>(() => harness.Tokens.ExchangeCodeAsync(ClientHarness.OrgId, "1000.grant"));

        Assert.Equal(1, token.Calls);
    }

    [Fact]
    public async Task Revoke_CachedTokens_ForgottenAndRefreshTokenKnownRevoked()
    {
        var token = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, "{}"));
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token);
        ZohoAccessToken before = await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);

        await harness.Tokens.RevokeAsync(ClientHarness.OrgId);
        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId));

        Assert.Equal("1000.cached", before.Token);
        Assert.Equal(ZohoErrorCodes.InvalidCode, error.Code);
        Assert.Contains("re-authorise", error.Message);
        Assert.Equal(1, token.Calls); // the revoke only: no refresh with a token known to be revoked
        ZohoAccessToken? stored = await harness.Store.GetAccessTokenAsync(ClientHarness.OrgId);
        Assert.True(stored is null || stored.Token != before.Token);
    }

    [Theory]
    [InlineData("https://accounts.zoho.eu")]
    [InlineData("https://accounts.zoho.com.au/")]
    [InlineData("https://ACCOUNTS.ZOHOCLOUD.CA")]
    [InlineData("http://127.0.0.1:9/accounts")]
    public async Task ExchangeCode_ZohoOrConfiguredAccountsServer_Accepted(string server)
    {
        var token = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, """{"access_token":"1000.acc","refresh_token":"1000.newrefresh","api_domain":"https://www.zohoapis.eu","expires_in":3600}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token, seedAccessToken: false);
        SetRedirectUri(harness);

        await harness.Tokens.ExchangeCodeAsync(ClientHarness.OrgId, "1000.grant", new Uri(server));

        Assert.Equal(server.TrimEnd('/') + "/oauth/v2/token", Assert.Single(token.Requests).Uri.ToString(), ignoreCase: true);
    }

    [Theory]
    [InlineData("https://evil.example.org", "evil.example.org")]
    [InlineData("http://accounts.zoho.com", "accounts.zoho.com")]
    [InlineData("https://accounts.zoho.com.evil.example.org", "accounts.zoho.com.evil.example.org")]
    [InlineData("https://accounts.zoho.com:8443", "accounts.zoho.com")]
    [InlineData("https://accounts.zoho.com/phish", "accounts.zoho.com")]
    [InlineData("https://someone@accounts.zoho.com", "accounts.zoho.com")]
    [InlineData("http://127.0.0.1:9/other", "127.0.0.1")]
    public async Task ExchangeCode_OtherAccountsServer_RefusedBeforeSecretIsSent(string server, string host)
    {
        var token = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, """{"access_token":"1000.acc","refresh_token":"1000.stolen","api_domain":"https://www.zohoapis.com","expires_in":3600}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token, seedAccessToken: false);
        SetRedirectUri(harness);

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Tokens.ExchangeCodeAsync(ClientHarness.OrgId, "1000.grant", new Uri(server)));

        Assert.Equal("accountsServer", error.ParamName);
        Assert.Contains(host, error.Message);
        Assert.Equal(0, token.Calls);
        Assert.Equal("1000.refresh.0123456789", await harness.Store.GetRefreshTokenAsync(ClientHarness.OrgId));
    }

    private static void SetRedirectUri(ClientHarness harness)
        => harness.Provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ZohoCrmClientOptions>>().Value.Orgs[ClientHarness.OrgId].RedirectUri = new Uri("https://dsr.example.org/cb");

    /// <summary>A token endpoint whose answer may wait on the request's cancellation.</summary>
    private sealed class AsyncTokenHandler(Func<CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return respond(cancellationToken);
        }
    }
}
