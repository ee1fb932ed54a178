using System.Collections.Concurrent;
using Azure;
using Azure.Security.KeyVault.Secrets;
using ZohoCrm.Client;

namespace ZohoDsr.Core.Secrets;

/// <summary>
/// An <see cref="IZohoTokenStore"/> over Azure Key Vault, shared by every instance of the app: the secrets
/// <c>zoho-{orgId}-client-secret</c> and <c>zoho-{orgId}-refresh-token</c>, and the cached access token
/// <c>zoho-{orgId}-access-token</c> whose expiry is the secret's <c>ExpiresOn</c> and whose API domain is its
/// <see cref="ApiDomainTag"/> tag. Reads are cached in memory for a short while (one Key Vault read per secret at a time,
/// whatever the number of callers); a missing secret (404) reads as null. Org ids must be letters, digits and '-'
/// (Key Vault's secret-name alphabet); names are lower-cased, as Key Vault compares them case-insensitively.
/// </summary>
public sealed class KeyVaultZohoTokenStore : IZohoTokenStore
{
    /// <summary>The tag holding an access token's API domain (the token response's <c>api_domain</c>).</summary>
    public const string ApiDomainTag = "api-domain";

    /// <summary>Org ids longer than this cannot name a secret (Key Vault allows 127 characters).</summary>
    public const int MaxOrgIdLength = 100;

    /// <summary>How long a read is reused by default.</summary>
    public static readonly TimeSpan DefaultCacheDuration = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A cached access token this close to its expiry is read again from Key Vault rather than from memory, so that a
    /// token another instance has just refreshed is seen before this one decides to refresh too.
    /// </summary>
    public static readonly TimeSpan AccessTokenRereadWindow = TimeSpan.FromMinutes(5);

    private const string AccessTokenContentType = "text/plain";

    private readonly SecretClient _client;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _cacheDuration;
    private readonly ConcurrentDictionary<string, CacheEntry> _cache = new(StringComparer.Ordinal);

    public KeyVaultZohoTokenStore(SecretClient client, TimeProvider timeProvider)
        : this(client, timeProvider, DefaultCacheDuration)
    {
    }

    public KeyVaultZohoTokenStore(SecretClient client, TimeProvider timeProvider, TimeSpan cacheDuration)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(cacheDuration, TimeSpan.Zero);
        _client = client;
        _timeProvider = timeProvider;
        _cacheDuration = cacheDuration;
    }

    /// <summary>Whether an org id can be part of a secret name: 1 to <see cref="MaxOrgIdLength"/> letters, digits or '-'.</summary>
    public static bool IsValidOrgId(string? orgId)
        => orgId is { Length: > 0 and <= MaxOrgIdLength } && orgId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary><c>zoho-{orgId}-client-secret</c>.</summary>
    public static string ClientSecretName(string orgId) => SecretName(orgId, "client-secret");

    /// <summary><c>zoho-{orgId}-refresh-token</c>.</summary>
    public static string RefreshTokenName(string orgId) => SecretName(orgId, "refresh-token");

    /// <summary><c>zoho-{orgId}-access-token</c>.</summary>
    public static string AccessTokenName(string orgId) => SecretName(orgId, "access-token");

    public async Task<string?> GetClientSecretAsync(string orgId, CancellationToken cancellationToken = default)
        => (await GetAsync(ClientSecretName(orgId), rereadWhen: null, cancellationToken).ConfigureAwait(false))?.Value;

    public async Task<string?> GetRefreshTokenAsync(string orgId, CancellationToken cancellationToken = default)
        => (await GetAsync(RefreshTokenName(orgId), rereadWhen: null, cancellationToken).ConfigureAwait(false))?.Value;

    public async Task SetRefreshTokenAsync(string orgId, string refreshToken, CancellationToken cancellationToken = default)
    {
        string name = RefreshTokenName(orgId);
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        await SetAsync(new KeyVaultSecret(name, refreshToken), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ZohoAccessToken?> GetAccessTokenAsync(string orgId, CancellationToken cancellationToken = default)
    {
        KeyVaultSecret? secret = await GetAsync(AccessTokenName(orgId), NearExpiry, cancellationToken).ConfigureAwait(false);
        if (secret is null
            || string.IsNullOrEmpty(secret.Value)
            || secret.Properties.ExpiresOn is not { } expiresOn
            || !secret.Properties.Tags.TryGetValue(ApiDomainTag, out string? apiDomain)
            || !Uri.TryCreate(apiDomain, UriKind.Absolute, out Uri? apiDomainUri))
        {
            return null;
        }

        return new ZohoAccessToken(secret.Value, apiDomainUri, expiresOn);
    }

    public async Task SetAccessTokenAsync(string orgId, ZohoAccessToken token, CancellationToken cancellationToken = default)
    {
        string name = AccessTokenName(orgId);
        ArgumentNullException.ThrowIfNull(token);
        KeyVaultSecret secret = new(name, token.Token);
        secret.Properties.ExpiresOn = token.ExpiresAt;
        secret.Properties.ContentType = AccessTokenContentType;
        secret.Properties.Tags[ApiDomainTag] = token.ApiDomain.AbsoluteUri;
        await SetAsync(secret, cancellationToken).ConfigureAwait(false);
    }

    private static string SecretName(string orgId, string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        if (!IsValidOrgId(orgId))
        {
            throw new ArgumentException(
                $"Org ids name Key Vault secrets, so they may hold only letters, digits and '-' (at most {MaxOrgIdLength}).", nameof(orgId));
        }

        return $"zoho-{orgId.ToLowerInvariant()}-{kind}";
    }

    private bool NearExpiry(KeyVaultSecret? secret)
        => secret?.Properties.ExpiresOn is { } expiresOn && expiresOn - _timeProvider.GetUtcNow() < AccessTokenRereadWindow;

    private async Task<KeyVaultSecret?> GetAsync(string name, Func<KeyVaultSecret?, bool>? rereadWhen, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        if (_cache.TryGetValue(name, out CacheEntry? cached) && cached.FreshUntil > now)
        {
            try
            {
                KeyVaultSecret? secret = await cached.Secret.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (rereadWhen is null || !rereadWhen(secret))
                {
                    return secret;
                }
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The shared read failed: read again below (its caller saw the error).
            }
        }

        // One read per secret at a time; it runs to completion even if this caller gives up, for the others waiting on it.
        CacheEntry entry = new(FetchAsync(name), now + _cacheDuration);
        _cache[name] = entry;
        try
        {
            return await entry.Secret.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (entry.Secret.IsFaulted || entry.Secret.IsCanceled)
        {
            _cache.TryRemove(KeyValuePair.Create(name, entry));
            throw;
        }
    }

    private async Task<KeyVaultSecret?> FetchAsync(string name)
    {
        try
        {
            Response<KeyVaultSecret> response = await _client.GetSecretAsync(name, version: null, CancellationToken.None).ConfigureAwait(false);
            return response.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task SetAsync(KeyVaultSecret secret, CancellationToken cancellationToken)
    {
        Response<KeyVaultSecret> response = await _client.SetSecretAsync(secret, cancellationToken).ConfigureAwait(false);
        KeyVaultSecret stored = response?.Value ?? secret;
        _cache[secret.Name] = new CacheEntry(Task.FromResult<KeyVaultSecret?>(stored), _timeProvider.GetUtcNow() + _cacheDuration);
    }

    private sealed record CacheEntry(Task<KeyVaultSecret?> Secret, DateTimeOffset FreshUntil);
}
