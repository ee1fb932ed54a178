using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ZohoCrm.Client;

/// <summary>
/// OAuth 2.0 against each org's accounts server: the authorization URL, the code exchange, and access tokens by the
/// refresh-token grant, cached in <see cref="IZohoTokenStore"/> until shortly before expiry and refreshed single-flight:
/// one refresh per org at a time whatever the number of callers, shared by all of them and run on none of their
/// cancellation tokens (a caller that gives up does not abort it for the others), within Zoho's 10 tokens per refresh
/// token per 10 minutes. The token endpoint may answer HTTP 200 with <c>{"error": ...}</c>: the body decides.
/// </summary>
/// <remarks>
/// A refresh that fails on the way (no answer, a 5xx) is tried again up to
/// <see cref="ZohoCrmClientOptions.MaxTransientRetries"/> times, each attempt counted against the token budget; a code
/// exchange or a revoke is never repeated (a grant code is single-use). A refresh Zoho refuses for good
/// (<see cref="ZohoErrorCodes.InvalidCode"/>: the refresh token is revoked or invalid; <see cref="ZohoErrorCodes.InvalidClient"/>)
/// is remembered: every later call for the same credentials fails at once with that code and a message saying what to do,
/// without a token request, until the org's credentials change.
/// </remarks>
public class ZohoTokenProvider
{
    /// <summary>The name of the HTTP client token calls use (a timeout, no HTTP-level retries; see the remarks).</summary>
    public const string HttpClientName = "ZohoCrm.Token";

    private readonly ZohoTokenEndpoint _endpoint = null!;
    private readonly IZohoTokenStore _store = null!;
    private readonly IOptions<ZohoCrmClientOptions> _options = null!;
    private readonly TimeProvider _timeProvider = null!;
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly ConcurrentDictionary<string, ZohoOrgTokenState> _states = new(StringComparer.OrdinalIgnoreCase);

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
        _endpoint = new ZohoTokenEndpoint(httpClient, options, timeProvider, logger);
        _store = store;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Token requests (refresh attempts and code exchanges) this provider sent for the org in the current window.</summary>
    public virtual int GetTokenRequestsInWindow(string orgId)
    {
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        return _endpoint.CountInWindow(GetState(orgId).Requests);
    }

    /// <summary>A valid access token for the org: the cached one, or a fresh one by the refresh-token grant.</summary>
    /// <param name="orgId">The org.</param>
    /// <param name="rejectedToken">A token Zoho just rejected (401 <c>INVALID_TOKEN</c>): refresh unless another caller already replaced it.</param>
    /// <param name="cancellationToken">Cancels this caller's wait, not a refresh other callers share.</param>
    /// <exception cref="ZohoApiException">
    /// The refresh failed; <see cref="ZohoErrorCodes.InvalidCode"/> or <see cref="ZohoErrorCodes.InvalidClient"/> when the
    /// org must be authorised again (or its client settings fixed).
    /// </exception>
    public virtual Task<ZohoAccessToken> GetAccessTokenAsync(string orgId, string? rejectedToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        ZohoOrgOptions org = GetOrg(orgId);

        // Fast path: this process's copy of the org's token, while it is valid and not the one Zoho just rejected.
        ZohoOrgTokenState state = GetState(orgId);
        Task<ZohoAccessToken>? current = Volatile.Read(ref state.Current);
        if (current is not null && IsUsable(current.Result, rejectedToken))
        {
            return current;
        }

        return GetAccessTokenSlowAsync(orgId, org, state, rejectedToken, cancellationToken);
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

    /// <summary>Exchanges a grant code for tokens (once: never repeated), stores the refresh token and caches the access token.</summary>
    /// <param name="orgId">The org.</param>
    /// <param name="code">The grant code from the redirect.</param>
    /// <param name="accountsServer">
    /// The redirect's <c>accounts-server</c>, when it differs from the configured data centre. Accepted only when it is
    /// the https accounts server of one of Zoho's data centres (<see cref="ZohoDataCenter"/>) or exactly the org's
    /// configured <see cref="ZohoOrgOptions.AccountsUrl"/>; anything else throws <see cref="ArgumentException"/> naming its
    /// host, before the client secret is read or sent.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<ZohoAccessToken> ExchangeCodeAsync(string orgId, string code, Uri? accountsServer = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        ArgumentException.ThrowIfNullOrEmpty(code);
        ZohoOrgOptions org = GetOrg(orgId);
        string accounts = ZohoAccountsServer.ForCodeExchange(orgId, org, accountsServer);
        Uri redirectUri = org.RedirectUri
            ?? throw new InvalidOperationException($"Zoho:Orgs:{orgId}:RedirectUri is required for the authorization-code grant.");
        string clientSecret = await _store.GetClientSecretAsync(orgId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No client secret is stored for Zoho org '{orgId}'.");

        ZohoOrgTokenState state = GetState(orgId);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = org.ClientId,
            ["client_secret"] = clientSecret,
            ["redirect_uri"] = redirectUri.ToString(),
            ["code"] = code,
        };
        ZohoTokenResponse response = await _endpoint.RequestAsync(orgId, state.Requests, accounts, ApiDomainOf(org), form, cancellationToken).ConfigureAwait(false);
        if (response.RefreshToken is null)
        {
            throw new ZohoApiException(200, null, "Zoho's code exchange returned no refresh_token (was access_type=offline requested?).");
        }

        await _store.SetRefreshTokenAsync(orgId, response.RefreshToken, cancellationToken).ConfigureAwait(false);
        await _store.SetAccessTokenAsync(orgId, response.AccessToken, cancellationToken).ConfigureAwait(false);
        lock (state.Lock)
        {
            state.Terminal = null;
        }

        Remember(state, response.AccessToken);
        Log.CodeExchanged(_logger, orgId);
        return response.AccessToken;
    }

    /// <summary>
    /// Revokes the org's refresh token at Zoho, then forgets the org's access token (here and in the store) and remembers
    /// the refresh token as revoked: later calls fail at once with <see cref="ZohoErrorCodes.InvalidCode"/> until the org is
    /// authorised again.
    /// </summary>
    public virtual async Task RevokeAsync(string orgId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        ZohoOrgOptions org = GetOrg(orgId);
        Credentials credentials = await ReadCredentialsAsync(orgId, org, cancellationToken).ConfigureAwait(false);
        await _endpoint.RevokeAsync(orgId, GetAccountsUrl(org), credentials.RefreshToken, cancellationToken).ConfigureAwait(false);

        ZohoOrgTokenState state = GetState(orgId);
        lock (state.Lock)
        {
            Volatile.Write(ref state.Current, null);
            state.Terminal = ZohoTerminalTokenFailure.For(orgId, credentials.Fingerprint, 200, ZohoErrorCodes.InvalidCode);
        }

        // The store has no delete: an already-expired entry is never served again.
        var forgotten = new ZohoAccessToken("revoked", new Uri(GetAccountsUrl(org)), _timeProvider.GetUtcNow());
        await _store.SetAccessTokenAsync(orgId, forgotten, cancellationToken).ConfigureAwait(false);
        Log.RefreshTokenRevoked(_logger, orgId);
    }

    internal static string GetAccountsUrl(ZohoOrgOptions org)
        => (org.AccountsUrl ?? DataCenterOf(org).AccountsUrl).ToString().TrimEnd('/');

    private async Task<ZohoAccessToken> GetAccessTokenSlowAsync(string orgId, ZohoOrgOptions org, ZohoOrgTokenState state, string? rejectedToken, CancellationToken cancellationToken)
    {
        // The store may hold a token another worker obtained.
        ZohoAccessToken? cached = await _store.GetAccessTokenAsync(orgId, cancellationToken).ConfigureAwait(false);
        if (IsUsable(cached, rejectedToken))
        {
            Remember(state, cached);
            return cached;
        }

        ZohoAccessToken token = await JoinRefresh(orgId, org, state, rejectedToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!string.Equals(token.Token, rejectedToken, StringComparison.Ordinal))
        {
            return token;
        }

        // The refresh this caller joined had started before its token was rejected: one of its own.
        return await JoinRefresh(orgId, org, state, rejectedToken).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The org's refresh in flight, or a new one: started on the thread pool, on no caller's cancellation token.</summary>
    private Task<ZohoAccessToken> JoinRefresh(string orgId, ZohoOrgOptions org, ZohoOrgTokenState state, string? rejectedToken)
    {
        lock (state.Lock)
        {
            if (state.Refreshing is not { IsCompleted: false } refreshing)
            {
                refreshing = Task.Run(() => RefreshAsync(orgId, org, state, rejectedToken), CancellationToken.None);
                state.Refreshing = refreshing;
            }

            return refreshing;
        }
    }

    private async Task<ZohoAccessToken> RefreshAsync(string orgId, ZohoOrgOptions org, ZohoOrgTokenState state, string? rejectedToken)
    {
        // Another caller (or worker) may have refreshed while this one waited.
        ZohoAccessToken? cached = await _store.GetAccessTokenAsync(orgId, CancellationToken.None).ConfigureAwait(false);
        if (IsUsable(cached, rejectedToken))
        {
            Remember(state, cached);
            return cached;
        }

        Credentials credentials = await ReadCredentialsAsync(orgId, org, CancellationToken.None).ConfigureAwait(false);
        lock (state.Lock)
        {
            if (state.Terminal is { } terminal && terminal.Fingerprint == credentials.Fingerprint)
            {
                throw terminal.ToException();
            }
        }

        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = org.ClientId,
            ["client_secret"] = credentials.ClientSecret,
            ["refresh_token"] = credentials.RefreshToken,
        };
        ZohoTokenResponse response = await RefreshWithRetriesAsync(orgId, org, state, credentials, form).ConfigureAwait(false);
        await _store.SetAccessTokenAsync(orgId, response.AccessToken, CancellationToken.None).ConfigureAwait(false);
        Remember(state, response.AccessToken);
        return response.AccessToken;
    }

    private async Task<ZohoTokenResponse> RefreshWithRetriesAsync(string orgId, ZohoOrgOptions org, ZohoOrgTokenState state, Credentials credentials, Dictionary<string, string> form)
    {
        ZohoCrmClientOptions options = _options.Value;
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return await _endpoint.RequestAsync(orgId, state.Requests, GetAccountsUrl(org), ApiDomainOf(org), form, CancellationToken.None).ConfigureAwait(false);
            }
            catch (ZohoApiException ex) when (ZohoTerminalTokenFailure.IsTerminal(ex))
            {
                ZohoTerminalTokenFailure terminal = ZohoTerminalTokenFailure.For(orgId, credentials.Fingerprint, ex.Status, ex.Code!);
                lock (state.Lock)
                {
                    state.Terminal = terminal;
                }

                throw terminal.ToException();
            }
            catch (ZohoApiException ex) when (attempt < options.MaxTransientRetries && IsTransient(ex))
            {
                TimeSpan delay = options.TransientRetryDelay * Math.Pow(2, attempt);
                await Task.Delay(delay, _timeProvider).ConfigureAwait(false);
            }
        }
    }

    private async Task<Credentials> ReadCredentialsAsync(string orgId, ZohoOrgOptions org, CancellationToken cancellationToken)
    {
        string clientSecret = await _store.GetClientSecretAsync(orgId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No client secret is stored for Zoho org '{orgId}'.");
        string refreshToken = await _store.GetRefreshTokenAsync(orgId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No refresh token is stored for Zoho org '{orgId}': complete the authorization-code exchange first.");
        return new Credentials(clientSecret, refreshToken, ZohoTerminalTokenFailure.FingerprintOf(org.ClientId, clientSecret, refreshToken));
    }

    private static bool IsTransient(ZohoApiException error)
        => error is not ZohoThrottledException && (error.Status is 0 or 408 || error.Status >= 500);

    private bool IsUsable([NotNullWhen(true)] ZohoAccessToken? token, string? rejectedToken)
        => token is not null
            && !string.Equals(token.Token, rejectedToken, StringComparison.Ordinal)
            && _timeProvider.GetUtcNow() + _options.Value.TokenRefreshMargin < token.ExpiresAt;

    private static void Remember(ZohoOrgTokenState state, ZohoAccessToken token)
        => Volatile.Write(ref state.Current, Task.FromResult(token));

    private ZohoOrgTokenState GetState(string orgId) => _states.GetOrAdd(orgId, static _ => new ZohoOrgTokenState());

    private ZohoOrgOptions GetOrg(string orgId)
        => _options.Value.Orgs.TryGetValue(orgId, out ZohoOrgOptions? org)
            ? org
            : throw new ArgumentException($"Zoho org '{orgId}' is not configured (Zoho:Orgs:{orgId}).", nameof(orgId));

    private static Uri? ApiDomainOf(ZohoOrgOptions org)
        => ZohoDataCenter.TryGet(org.DataCenter ?? string.Empty, out ZohoDataCenter dataCenter) ? dataCenter.ApiDomain : null;

    private static ZohoDataCenter DataCenterOf(ZohoOrgOptions org)
        => ZohoDataCenter.TryGet(org.DataCenter, out ZohoDataCenter dataCenter)
            ? dataCenter
            : throw new InvalidOperationException($"Unknown Zoho data centre '{org.DataCenter}' and no AccountsUrl set.");

    private static Func<HttpClient> ReturnClient(HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return () => httpClient;
    }

    private sealed record Credentials(string ClientSecret, string RefreshToken, string Fingerprint)
    {
        /// <summary>Never print the secrets.</summary>
        public override string ToString() => "Credentials";
    }
}
