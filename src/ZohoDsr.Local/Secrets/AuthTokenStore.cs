using ZohoCrm.Client;

namespace ZohoDsr.Local.Secrets;

/// <summary>
/// The token store of the one-time code exchange: it knows the client secret, and keeps the refresh token Zoho returns
/// in memory until the caller persists it (user secrets or Key Vault).
/// </summary>
public sealed class AuthTokenStore(string ownOrgId, string clientSecret) : IZohoTokenStore
{
    private ZohoAccessToken? _accessToken;

    public string? RefreshToken { get; private set; }

    public Task<string?> GetClientSecretAsync(string orgId, CancellationToken cancellationToken = default)
        => Task.FromResult<string?>(Matches(orgId) ? clientSecret : null);

    public Task<string?> GetRefreshTokenAsync(string orgId, CancellationToken cancellationToken = default)
        => Task.FromResult(Matches(orgId) ? RefreshToken : null);

    public Task SetRefreshTokenAsync(string orgId, string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        if (Matches(orgId))
        {
            RefreshToken = refreshToken;
        }

        return Task.CompletedTask;
    }

    public Task<ZohoAccessToken?> GetAccessTokenAsync(string orgId, CancellationToken cancellationToken = default)
        => Task.FromResult(Matches(orgId) ? _accessToken : null);

    public Task SetAccessTokenAsync(string orgId, ZohoAccessToken token, CancellationToken cancellationToken = default)
    {
        if (Matches(orgId))
        {
            _accessToken = token;
        }

        return Task.CompletedTask;
    }

    private bool Matches(string candidate) => string.Equals(candidate, ownOrgId, StringComparison.OrdinalIgnoreCase);
}
