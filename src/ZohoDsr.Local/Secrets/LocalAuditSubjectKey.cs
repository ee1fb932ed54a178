using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Configuration;

namespace ZohoDsr.Local.Secrets;

/// <summary>
/// The local host's audit subject key (<see cref="AuditOptions.SubjectKeyKey"/>): kept in the user-secrets file, generated
/// there with a CSPRNG on first use and saved owner-only (0600) through <see cref="UserSecretsFile"/>, so the audit logs
/// of this machine stay verifiable across runs. Never printed.
/// </summary>
public static class LocalAuditSubjectKey
{
    /// <summary>The configuration key the host reads: <c>ZohoDsr:Audit:SubjectKey</c>.</summary>
    public const string ConfigurationKey = AuditOptions.SubjectKeyKey;

    /// <summary>The key stored in <paramref name="secrets"/>, generating and saving one when there is none.</summary>
    public static string EnsureIn(UserSecretsFile secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Read().TryGetValue(ConfigurationKey, out string? stored) && !string.IsNullOrWhiteSpace(stored))
        {
            return stored;
        }

        string key = AuditSubjectKey.NewKeyBase64();
        secrets.Set(new Dictionary<string, string> { [ConfigurationKey] = key });
        return key;
    }
}
