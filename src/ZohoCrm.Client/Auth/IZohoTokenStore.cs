namespace ZohoCrm.Client;

/// <summary>
/// Where an org's OAuth secrets and its cached access token live: in memory for scripts and tests, Key Vault in Azure
/// (so every worker shares one access token instead of each refreshing its own).
/// </summary>
public interface IZohoTokenStore
{
    /// <summary>Reads the org's client secret, or null when none is stored.</summary>
    Task<string?> GetClientSecretAsync(string orgId, CancellationToken cancellationToken = default);

    /// <summary>Reads the org's refresh token, or null when none is stored.</summary>
    Task<string?> GetRefreshTokenAsync(string orgId, CancellationToken cancellationToken = default);

    /// <summary>Stores the org's refresh token (after the one-time authorization-code exchange).</summary>
    Task SetRefreshTokenAsync(string orgId, string refreshToken, CancellationToken cancellationToken = default);

    /// <summary>Reads the cached access token, or null when none is cached.</summary>
    Task<ZohoAccessToken?> GetAccessTokenAsync(string orgId, CancellationToken cancellationToken = default);

    /// <summary>Caches an access token with its expiry and API domain.</summary>
    Task SetAccessTokenAsync(string orgId, ZohoAccessToken token, CancellationToken cancellationToken = default);
}
