using System.Collections.Concurrent;

namespace ZohoCrm.Client;

/// <summary>An <see cref="IZohoTokenStore"/> in process memory, for scripts, the local host and tests.</summary>
public sealed class InMemoryZohoTokenStore : IZohoTokenStore
{
    private readonly ConcurrentDictionary<string, string> _clientSecrets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ZohoAccessToken> _accessTokens = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Stores an org's client secret and refresh token.</summary>
    public void SetCredentials(string orgId, string clientSecret, string refreshToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        _clientSecrets[orgId] = clientSecret;
        _refreshTokens[orgId] = refreshToken;
    }

    /// <inheritdoc />
    public Task<string?> GetClientSecretAsync(string orgId, CancellationToken cancellationToken = default)
        => Task.FromResult(_clientSecrets.TryGetValue(orgId, out string? secret) ? secret : null);

    /// <inheritdoc />
    public Task<string?> GetRefreshTokenAsync(string orgId, CancellationToken cancellationToken = default)
        => Task.FromResult(_refreshTokens.TryGetValue(orgId, out string? token) ? token : null);

    /// <inheritdoc />
    public Task SetRefreshTokenAsync(string orgId, string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        _refreshTokens[orgId] = refreshToken;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ZohoAccessToken?> GetAccessTokenAsync(string orgId, CancellationToken cancellationToken = default)
        => Task.FromResult(_accessTokens.TryGetValue(orgId, out ZohoAccessToken? token) ? token : null);

    /// <inheritdoc />
    public Task SetAccessTokenAsync(string orgId, ZohoAccessToken token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        _accessTokens[orgId] = token;
        return Task.CompletedTask;
    }
}
