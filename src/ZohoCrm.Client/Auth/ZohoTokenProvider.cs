using Microsoft.Extensions.Logging;
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
    /// <summary>For mocking.</summary>
    protected ZohoTokenProvider()
    {
    }

    /// <summary>Creates the provider.</summary>
    public ZohoTokenProvider(HttpClient httpClient, IZohoTokenStore store, IOptions<ZohoCrmClientOptions> options, TimeProvider timeProvider, ILogger<ZohoTokenProvider> logger)
    {
        throw new NotImplementedException();
    }

    /// <summary>A valid access token for the org: the cached one, or a fresh one by the refresh-token grant.</summary>
    /// <param name="orgId">The org.</param>
    /// <param name="rejectedToken">A token Zoho just rejected (401 <c>INVALID_TOKEN</c>): refresh unless another caller already replaced it.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public virtual Task<ZohoAccessToken> GetAccessTokenAsync(string orgId, string? rejectedToken = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>The URL to send an admin to for consent: every scope of <see cref="ZohoScopes.DsrWorkflow"/>, offline access.</summary>
    public virtual Uri BuildAuthorizationUrl(string orgId, string? state = null) => throw new NotImplementedException();

    /// <summary>Exchanges a grant code for tokens, stores the refresh token and caches the access token.</summary>
    /// <param name="orgId">The org.</param>
    /// <param name="code">The grant code from the redirect.</param>
    /// <param name="accountsServer">The redirect's <c>accounts-server</c>, when it differs from the configured data centre.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<ZohoAccessToken> ExchangeCodeAsync(string orgId, string code, Uri? accountsServer = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Revokes the org's refresh token at Zoho.</summary>
    public virtual Task RevokeAsync(string orgId, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
