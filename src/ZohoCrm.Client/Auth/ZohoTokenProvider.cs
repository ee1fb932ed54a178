using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ZohoCrm.Client;

/// <summary>
/// OAuth 2.0 against each org's accounts server: the authorization URL, the code exchange, and access tokens by the
/// refresh-token grant, cached in <see cref="IZohoTokenStore"/> until shortly before expiry and refreshed single-flight
/// (one refresh per org at a time whatever the number of callers), within Zoho's 10 tokens per refresh token per 10 minutes.
/// The token endpoint may answer HTTP 200 with <c>{"error": ...}</c>: the body decides.
/// </summary>
public class ZohoTokenProvider
{
    /// <summary>The name of the HTTP client token calls use (a timeout, no retries: token requests are not idempotent).</summary>
    public const string HttpClientName = "ZohoCrm.Token";

    private const string TokenPath = "/oauth/v2/token";

    /// <summary>The longest <c>expires_in</c> believed (a day; Zoho's access tokens live an hour).</summary>
    private const long MaxTokenLifetimeSeconds = 86_400;

    private readonly Func<HttpClient> _httpClient = null!;
    private readonly IZohoTokenStore _store = null!;
    private readonly IOptions<ZohoCrmClientOptions> _options = null!;
    private readonly TimeProvider _timeProvider = null!;
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly ConcurrentDictionary<string, OrgTokenState> _states = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>For mocking.</summary>
    protected ZohoTokenProvider()
    {
    }

    /// <summary>Creates the provider.</summary>
    public ZohoTokenProvider(HttpClient httpClient, IZohoTokenStore store, IOptions<ZohoCrmClientOptions> options, TimeProvider timeProvider, ILogger<ZohoTokenProvider> logger)
        : this(ReturnClient(httpClient), store, options, timeProvider, logger)
    {
    }

    internal ZohoTokenProvider(Func<HttpClient> httpClient, IZohoTokenStore store, IOptions<ZohoCrmClientOptions> options, TimeProvider timeProvider, ILogger<ZohoTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClient = httpClient;
        _store = store;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Token requests (refreshes and code exchanges) this provider sent for the org in the current window.</summary>
    public virtual int GetTokenRequestsInWindow(string orgId)
    {
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        OrgTokenState state = GetState(orgId);
        lock (state.Requests)
        {
            Prune(state.Requests, _timeProvider.GetUtcNow() - _options.Value.TokenRequestWindow);
            return state.Requests.Count;
        }
    }

    /// <summary>A valid access token for the org: the cached one, or a fresh one by the refresh-token grant.</summary>
    /// <param name="orgId">The org.</param>
    /// <param name="rejectedToken">A token Zoho just rejected (401 <c>INVALID_TOKEN</c>): refresh unless another caller already replaced it.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public virtual Task<ZohoAccessToken> GetAccessTokenAsync(string orgId, string? rejectedToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        ZohoOrgOptions org = GetOrg(orgId);

        // Fast path: this process's copy of the org's token, while it is valid and not the one Zoho just rejected.
        OrgTokenState state = GetState(orgId);
        Task<ZohoAccessToken>? current = Volatile.Read(ref state.Current);
        if (current is not null && IsUsable(current.Result, rejectedToken))
        {
            return current;
        }

        return GetAccessTokenSlowAsync(orgId, org, state, rejectedToken, cancellationToken);
    }

    private async Task<ZohoAccessToken> GetAccessTokenSlowAsync(string orgId, ZohoOrgOptions org, OrgTokenState state, string? rejectedToken, CancellationToken cancellationToken)
    {
        // The store may hold a token another worker obtained.
        ZohoAccessToken? cached = await _store.GetAccessTokenAsync(orgId, cancellationToken).ConfigureAwait(false);
        if (IsUsable(cached, rejectedToken))
        {
            Remember(state, cached);
            return cached;
        }

        await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            cached = await _store.GetAccessTokenAsync(orgId, cancellationToken).ConfigureAwait(false);
            if (IsUsable(cached, rejectedToken))
            {
                Remember(state, cached);
                return cached;
            }

            string clientSecret = await _store.GetClientSecretAsync(orgId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"No client secret is stored for Zoho org '{orgId}'.");
            string refreshToken = await _store.GetRefreshTokenAsync(orgId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"No refresh token is stored for Zoho org '{orgId}': complete the authorization-code exchange first.");

            var form = new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = org.ClientId,
                ["client_secret"] = clientSecret,
                ["refresh_token"] = refreshToken,
            };
            TokenResponse response = await RequestTokenAsync(orgId, state, GetAccountsUrl(org), form, cancellationToken).ConfigureAwait(false);
            await _store.SetAccessTokenAsync(orgId, response.AccessToken, cancellationToken).ConfigureAwait(false);
            Remember(state, response.AccessToken);
            return response.AccessToken;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>The URL to send an admin to for consent: every scope of <see cref="ZohoScopes.DsrWorkflow"/>, offline access.</summary>
    public virtual Uri BuildAuthorizationUrl(string orgId, string? state = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        ZohoOrgOptions org = GetOrg(orgId);
        Uri redirectUri = org.RedirectUri
            ?? throw new InvalidOperationException($"Zoho:Orgs:{orgId}:RedirectUri is required for the authorization-code grant.");

        var url = new StringBuilder(GetAccountsUrl(org)).Append("/oauth/v2/auth?scope=");
        url.AppendJoin(',', ZohoScopes.DsrWorkflow.Select(Uri.EscapeDataString));
        url.Append("&client_id=").Append(Uri.EscapeDataString(org.ClientId));
        url.Append("&response_type=code&access_type=offline&prompt=consent");
        url.Append("&redirect_uri=").Append(Uri.EscapeDataString(redirectUri.ToString()));
        if (!string.IsNullOrEmpty(state))
        {
            url.Append("&state=").Append(Uri.EscapeDataString(state));
        }

        return new Uri(url.ToString());
    }

    /// <summary>Exchanges a grant code for tokens, stores the refresh token and caches the access token.</summary>
    /// <param name="orgId">The org.</param>
    /// <param name="code">The grant code from the redirect.</param>
    /// <param name="accountsServer">The redirect's <c>accounts-server</c>, when it differs from the configured data centre.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<ZohoAccessToken> ExchangeCodeAsync(string orgId, string code, Uri? accountsServer = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        ArgumentException.ThrowIfNullOrEmpty(code);
        ZohoOrgOptions org = GetOrg(orgId);
        Uri redirectUri = org.RedirectUri
            ?? throw new InvalidOperationException($"Zoho:Orgs:{orgId}:RedirectUri is required for the authorization-code grant.");
        string clientSecret = await _store.GetClientSecretAsync(orgId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No client secret is stored for Zoho org '{orgId}'.");

        OrgTokenState state = GetState(orgId);
        await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var form = new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["client_id"] = org.ClientId,
                ["client_secret"] = clientSecret,
                ["redirect_uri"] = redirectUri.ToString(),
                ["code"] = code,
            };
            string accounts = accountsServer is null ? GetAccountsUrl(org) : accountsServer.ToString().TrimEnd('/');
            TokenResponse response = await RequestTokenAsync(orgId, state, accounts, form, cancellationToken).ConfigureAwait(false);
            if (response.RefreshToken is null)
            {
                throw new ZohoApiException(200, null, "Zoho's code exchange returned no refresh_token (was access_type=offline requested?).");
            }

            await _store.SetRefreshTokenAsync(orgId, response.RefreshToken, cancellationToken).ConfigureAwait(false);
            await _store.SetAccessTokenAsync(orgId, response.AccessToken, cancellationToken).ConfigureAwait(false);
            Remember(state, response.AccessToken);
            Log.CodeExchanged(_logger, orgId);
            return response.AccessToken;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>Revokes the org's refresh token at Zoho.</summary>
    public virtual async Task RevokeAsync(string orgId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        ZohoOrgOptions org = GetOrg(orgId);
        string refreshToken = await _store.GetRefreshTokenAsync(orgId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No refresh token is stored for Zoho org '{orgId}'.");

        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            new Uri(GetAccountsUrl(org) + TokenPath + "/revoke?token=" + Uri.EscapeDataString(refreshToken)));
        (int status, byte[] body) = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        using (JsonDocument? document = ZohoJson.ParseObject(body))
        {
            if (status is < 200 or >= 300 || (document is not null && ZohoJson.GetString(document.RootElement, "error") is not null))
            {
                throw TokenFailure(orgId, status, document?.RootElement, body);
            }
        }

        Log.RefreshTokenRevoked(_logger, orgId);
    }

    private async Task<TokenResponse> RequestTokenAsync(string orgId, OrgTokenState state, string accountsUrl, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        ReserveTokenRequest(orgId, state);
        long started = _timeProvider.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(accountsUrl + TokenPath))
        {
            Content = new FormUrlEncodedContent(form),
        };
        (int status, byte[] body) = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        using JsonDocument? document = ZohoJson.ParseObject(body);
        if (document is null || ZohoJson.GetString(document.RootElement, "access_token") is not string accessToken)
        {
            throw TokenFailure(orgId, status, document?.RootElement, body);
        }

        // Legacy form: expires_in_sec in seconds and expires_in in milliseconds; current form: expires_in in seconds.
        JsonElement root = document.RootElement;
        long seconds = Math.Clamp(ZohoJson.GetInt64(root, "expires_in_sec") ?? ZohoJson.GetInt64(root, "expires_in") ?? 3600, 0, MaxTokenLifetimeSeconds);
        string? apiDomain = ZohoJson.GetString(root, "api_domain");
        Uri domain = apiDomain is not null && Uri.TryCreate(apiDomain, UriKind.Absolute, out Uri? parsed)
            ? parsed
            : DataCenterOf(GetOrg(orgId)).ApiDomain;

        var token = new ZohoAccessToken(accessToken, domain, _timeProvider.GetUtcNow().AddSeconds(seconds));
        Log.AccessTokenObtained(_logger, orgId, _timeProvider.GetElapsedTime(started));
        return new TokenResponse(token, ZohoJson.GetString(root, "refresh_token"));
    }

    private async Task<(int Status, byte[] Body)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using HttpResponseMessage response = await _httpClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return ((int)response.StatusCode, body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ZohoErrorMapper.IsTransportFailure(ex))
        {
            throw ZohoErrorMapper.FromTokenTransport(ex);
        }
    }

    private ZohoApiException TokenFailure(string orgId, int status, JsonElement? root, byte[] body)
    {
        ZohoApiException error = ZohoErrorMapper.FromTokenAnswer(orgId, status, root, body);
        if (error is ZohoThrottledException)
        {
            Log.TokenEndpointThrottled(_logger, orgId);
        }
        else
        {
            Log.TokenRequestFailed(_logger, orgId, status, error.Code);
        }

        return error;
    }

    private void ReserveTokenRequest(string orgId, OrgTokenState state)
    {
        ZohoCrmClientOptions options = _options.Value;
        DateTimeOffset now = _timeProvider.GetUtcNow();
        lock (state.Requests)
        {
            Prune(state.Requests, now - options.TokenRequestWindow);
            if (state.Requests.Count >= options.MaxTokenRequestsPerWindow)
            {
                TimeSpan retryAfter = state.Requests.Peek() + options.TokenRequestWindow - now;
                Log.TokenBudgetExhausted(_logger, orgId, state.Requests.Count);
                throw new ZohoThrottledException(
                    0,
                    "Access Denied",
                    $"Token request for org '{orgId}' refused by the client: {state.Requests.Count} token requests in the last {options.TokenRequestWindow}, Zoho allows {options.MaxTokenRequestsPerWindow}.",
                    retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.Zero);
            }

            state.Requests.Enqueue(now);
        }
    }

    private static void Prune(Queue<DateTimeOffset> requests, DateTimeOffset windowStart)
    {
        while (requests.Count > 0 && requests.Peek() <= windowStart)
        {
            requests.Dequeue();
        }
    }

    private bool IsUsable([NotNullWhen(true)] ZohoAccessToken? token, string? rejectedToken)
        => token is not null
            && !string.Equals(token.Token, rejectedToken, StringComparison.Ordinal)
            && _timeProvider.GetUtcNow() + _options.Value.TokenRefreshMargin < token.ExpiresAt;

    private static void Remember(OrgTokenState state, ZohoAccessToken token)
        => Volatile.Write(ref state.Current, Task.FromResult(token));

    private OrgTokenState GetState(string orgId) => _states.GetOrAdd(orgId, static _ => new OrgTokenState());

    private ZohoOrgOptions GetOrg(string orgId)
        => _options.Value.Orgs.TryGetValue(orgId, out ZohoOrgOptions? org)
            ? org
            : throw new ArgumentException($"Zoho org '{orgId}' is not configured (Zoho:Orgs:{orgId}).", nameof(orgId));

    internal static string GetAccountsUrl(ZohoOrgOptions org)
        => (org.AccountsUrl ?? DataCenterOf(org).AccountsUrl).ToString().TrimEnd('/');

    private static ZohoDataCenter DataCenterOf(ZohoOrgOptions org)
        => ZohoDataCenter.TryGet(org.DataCenter, out ZohoDataCenter dataCenter)
            ? dataCenter
            : throw new InvalidOperationException($"Unknown Zoho data centre '{org.DataCenter}' and no AccountsUrl set.");

    private static Func<HttpClient> ReturnClient(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return () => httpClient;
    }

    private sealed record TokenResponse(ZohoAccessToken AccessToken, string? RefreshToken);

    private sealed class OrgTokenState
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>The last token this process obtained or read, as a completed task (no allocation per call).</summary>
        public Task<ZohoAccessToken>? Current;

        public Queue<DateTimeOffset> Requests { get; } = new();
    }
}
