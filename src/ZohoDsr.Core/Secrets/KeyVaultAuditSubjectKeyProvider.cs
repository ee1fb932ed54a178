using System.Collections.Concurrent;
using Azure;
using Azure.Security.KeyVault.Secrets;
using ZohoDsr.Core.Audit;

namespace ZohoDsr.Core.Secrets;

/// <summary>
/// The audit subject key from a Key Vault secret (default <c>audit-subject-key</c>, base64 of at least 32 random bytes).
/// Its id is <c>kv:{name}/{version}</c>, so a log written before the secret was rotated names the version that verifies
/// it, and that version is read when the log is appended to again. The current version is re-read every few minutes;
/// versions, which never change, are kept.
/// </summary>
public sealed class KeyVaultAuditSubjectKeyProvider : IAuditSubjectKeyProvider
{
    /// <summary>How long the current version is reused before Key Vault is asked again.</summary>
    public static readonly TimeSpan CurrentKeyCacheDuration = TimeSpan.FromMinutes(5);

    private const string IdPrefix = "kv:";

    private readonly SecretClient _client;
    private readonly string _secretName;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, Task<AuditSubjectKey>> _versions = new(StringComparer.Ordinal);
    private readonly Lock _currentLock = new();
    private (Task<AuditSubjectKey> Key, DateTimeOffset FreshUntil)? _current;

    public KeyVaultAuditSubjectKeyProvider(SecretClient client, string secretName, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretName);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _client = client;
        _secretName = secretName;
        _timeProvider = timeProvider;
    }

    public string Source => $"the Key Vault secret '{_secretName}' in {_client.VaultUri.Host}";

    public Task<AuditSubjectKey> GetCurrentKeyAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = _timeProvider.GetUtcNow();
        Task<AuditSubjectKey> read;
        lock (_currentLock)
        {
            if (_current is { } current && current.FreshUntil > now && !current.Key.IsFaulted && !current.Key.IsCanceled)
            {
                read = current.Key;
            }
            else
            {
                read = ReadAsync(version: null);
                _current = (read, now + CurrentKeyCacheDuration);
            }
        }

        return read.WaitAsync(cancellationToken);
    }

    public Task<AuditSubjectKey> GetKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        string prefix = IdPrefix + _secretName + "/";
        if (!keyId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || keyId.Length == prefix.Length)
        {
            throw new InvalidOperationException($"The audit log was written with subject key '{keyId}', which is not a version of {Source}.");
        }

        string version = keyId[prefix.Length..];
        Task<AuditSubjectKey> read = _versions.GetOrAdd(version, v => ReadAsync(v));
        if (read.IsFaulted || read.IsCanceled)
        {
            _versions.TryRemove(KeyValuePair.Create(version, read));
            read = _versions.GetOrAdd(version, v => ReadAsync(v));
        }

        return read.WaitAsync(cancellationToken);
    }

    private async Task<AuditSubjectKey> ReadAsync(string? version)
    {
        KeyVaultSecret secret;
        try
        {
            secret = (await _client.GetSecretAsync(_secretName, version, CancellationToken.None).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new InvalidOperationException(
                $"The audit subject key is missing: create {Source}{(version is null ? string.Empty : $" (version {version})")} holding base64 of {AuditSubjectKey.MinKeyBytes} random bytes.", ex);
        }

        byte[] key = AuditSubjectKey.TryDecode(secret.Value, out string? problem)
            ?? throw new InvalidOperationException($"The audit subject key in {Source} {problem}.");
        var read = new AuditSubjectKey(IdPrefix + _secretName + "/" + secret.Properties.Version, key);
        _versions.TryAdd(secret.Properties.Version, Task.FromResult(read));
        return read;
    }
}
