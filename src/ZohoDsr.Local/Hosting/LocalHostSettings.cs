using System.Security.Cryptography;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Local.Secrets;

namespace ZohoDsr.Local.Hosting;

/// <summary>
/// The settings a local host supplies where configuration is silent: the export folder, the webhook signing secret
/// (generated per run), the audit log's subject key, and the loopback-only conveniences (Durable's management URIs in
/// the webhook answer, callbacks to this machine).
/// </summary>
internal sealed class LocalHostSettings
{
    public const string SigningSecretKey = "ZohoDsr:Webhook:SigningSecret";

    private LocalHostSettings(Dictionary<string, string?> values, string exportPath, string signingSecret, bool signingSecretGenerated)
    {
        Values = values;
        ExportPath = exportPath;
        SigningSecret = signingSecret;
        SigningSecretGenerated = signingSecretGenerated;
    }

    /// <summary>The settings to add to configuration (the simulator adds its org's).</summary>
    public Dictionary<string, string?> Values { get; }

    public string ExportPath { get; }

    public string SigningSecret { get; }

    public bool SigningSecretGenerated { get; }

    public static LocalHostSettings Complete(IConfiguration configuration, LocalHostOptions options)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        string exportPath = configuration[$"{DsrOptions.SectionName}:Exports:LocalPath"] is { Length: > 0 } configuredPath
            ? Path.GetFullPath(configuredPath)
            : Path.GetFullPath(options.ExportPath ?? Path.Combine(Directory.GetCurrentDirectory(), ".local-exports"));
        values[$"{DsrOptions.SectionName}:Exports:LocalPath"] = exportPath;
        Default(configuration, values, $"{DsrOptions.SectionName}:Exports:Kind", () => "LocalFolder");

        // On loopback there is no system key to leak: answer with Durable's management URIs, as `func start` does.
        Default(configuration, values, $"{DsrOptions.SectionName}:Webhook:IncludeDurableManagementUris", () => "true");

        // Callbacks to an intake system on this machine are a local development case; Azure refuses them.
        Default(configuration, values, $"{DsrOptions.SectionName}:Webhook:AllowLoopbackCallbacks", () => "true");

        // The audit log's subject hashes are keyed: a real host keeps its key in user secrets (made on first use), a host
        // without ambient configuration (the demo, tests) makes one for its own run.
        Default(configuration, values, AuditOptions.SubjectKeyKey, () => options.UseAmbientConfiguration
            ? LocalAuditSubjectKey.EnsureIn(UserSecretsFile.Default())
            : AuditSubjectKey.NewKeyBase64());

        string? signingSecret = configuration[SigningSecretKey];
        bool generated = string.IsNullOrEmpty(signingSecret);
        if (generated)
        {
            signingSecret = RandomNumberGenerator.GetHexString(48, lowercase: true);
            values[SigningSecretKey] = signingSecret;
        }

        return new LocalHostSettings(values, exportPath, signingSecret!, generated);
    }

    private static void Default(IConfiguration configuration, Dictionary<string, string?> values, string key, Func<string> value)
    {
        if (string.IsNullOrEmpty(configuration[key]))
        {
            values[key] = value();
        }
    }
}
