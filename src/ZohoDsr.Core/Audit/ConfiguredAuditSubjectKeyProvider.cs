using Microsoft.Extensions.Options;
using ZohoDsr.Core.Configuration;

namespace ZohoDsr.Core.Audit;

/// <summary>The audit subject key from configuration, <c>ZohoDsr:Audit:SubjectKey</c> (base64); its id is a fingerprint (<c>cfg-…</c>).</summary>
public sealed class ConfiguredAuditSubjectKeyProvider : IAuditSubjectKeyProvider
{
    private readonly AuditSubjectKey _key;

    public ConfiguredAuditSubjectKeyProvider(IOptions<DsrOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        byte[] key = AuditSubjectKey.TryDecode(options.Value.Audit.SubjectKey, out string? problem)
            ?? throw new InvalidOperationException($"{AuditOptions.SubjectKeyKey} {problem}.");
        _key = new AuditSubjectKey(AuditSubjectKey.FingerprintId("cfg-", key), key);
    }

    public string Source => AuditOptions.SubjectKeyKey;

    public Task<AuditSubjectKey> GetCurrentKeyAsync(CancellationToken cancellationToken) => Task.FromResult(_key);

    public Task<AuditSubjectKey> GetKeyAsync(string keyId, CancellationToken cancellationToken)
        => string.Equals(keyId, _key.KeyId, StringComparison.Ordinal)
            ? Task.FromResult(_key)
            : throw new InvalidOperationException($"The audit log was written with subject key '{keyId}', but {AuditOptions.SubjectKeyKey} holds key '{_key.KeyId}'.");
}
