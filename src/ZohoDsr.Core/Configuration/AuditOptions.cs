namespace ZohoDsr.Core.Configuration;

/// <summary>The audit log's subject hashes (section <c>ZohoDsr:Audit</c>): see <see cref="Audit.SubjectHash"/>.</summary>
public sealed class AuditOptions
{
    /// <summary>The configuration key of <see cref="SubjectKey"/>.</summary>
    public const string SubjectKeyKey = DsrOptions.SectionName + ":Audit:SubjectKey";

    /// <summary>The default name of the Key Vault secret holding the key.</summary>
    public const string DefaultSubjectKeySecretName = "audit-subject-key";

    /// <summary>
    /// The key of the subject hashes, base64 of at least 32 random bytes (a secret: user secrets locally, where the local
    /// host generates it on first use). When empty, the key is read from Key Vault (<see cref="DsrOptions.KeyVaultUri"/>).
    /// </summary>
    public string SubjectKey { get; set; } = string.Empty;

    /// <summary>The Key Vault secret holding the key (base64), read when <see cref="SubjectKey"/> is empty. Default: <c>audit-subject-key</c>.</summary>
    public string SubjectKeySecretName { get; set; } = DefaultSubjectKeySecretName;
}
