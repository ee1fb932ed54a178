namespace ZohoDsr.Core.Audit;

/// <summary>
/// Where the audit subject key comes from: configuration (<see cref="ConfiguredAuditSubjectKeyProvider"/>: the local host's
/// user secrets) or Key Vault (<see cref="Secrets.KeyVaultAuditSubjectKeyProvider"/>: the Functions app).
/// </summary>
public interface IAuditSubjectKeyProvider
{
    /// <summary>Where the key is configured, for messages (a configuration key or a Key Vault secret): never the key.</summary>
    string Source { get; }

    /// <summary>The key new audit logs are written with.</summary>
    Task<AuditSubjectKey> GetCurrentKeyAsync(CancellationToken cancellationToken);

    /// <summary>The key with <paramref name="keyId"/> (an existing log's), or an <see cref="InvalidOperationException"/> naming it.</summary>
    Task<AuditSubjectKey> GetKeyAsync(string keyId, CancellationToken cancellationToken);
}
