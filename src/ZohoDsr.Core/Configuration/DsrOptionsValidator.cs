using System.Text;
using Microsoft.Extensions.Options;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Callbacks;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Configuration;

/// <summary>Validates <see cref="DsrOptions"/> on start; every failure names its configuration key.</summary>
public sealed class DsrOptionsValidator : IValidateOptions<DsrOptions>
{
    private const string Section = DsrOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, DsrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        ValidateWebhook(options.Webhook, failures);
        ValidateModules(options, failures);
        ValidateTimings(options, failures);
        ValidateExports(options.Exports, failures);
        ValidateAudit(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateWebhook(WebhookOptions webhook, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(webhook.SigningSecret))
        {
            failures.Add($"{Section}:Webhook:SigningSecret is required: the shared HMAC secret of the intake webhook (a Key Vault reference in Azure).");
        }

        if (webhook.Tolerance <= TimeSpan.Zero || webhook.Tolerance > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:Webhook:Tolerance must be between 00:00:01 and 01:00:00.");
        }

        if (webhook.CallbackMaxAttempts < 1)
        {
            failures.Add($"{Section}:Webhook:CallbackMaxAttempts must be at least 1.");
        }

        for (int i = 0; i < webhook.CallbackAllowedHosts.Count; i++)
        {
            if (!CallbackAddressPolicy.IsValidAllowListEntry(webhook.CallbackAllowedHosts[i]))
            {
                failures.Add($"{Section}:Webhook:CallbackAllowedHosts:{i} must be a host name, an IP address or a CIDR network (e.g. 10.20.0.0/16).");
            }
        }

        if (webhook.SubjectEmailExtraCharacters.EnumerateRunes().Any(r => SubjectEmail.IsControlOrFormat(r) || Rune.IsWhiteSpace(r) || r.Value is '@' or '"' or '\\'))
        {
            failures.Add($"{Section}:Webhook:SubjectEmailExtraCharacters must not hold control or format characters, spaces, '@', '\"' or '\\'.");
        }
    }

    private static void ValidateModules(DsrOptions options, List<string> failures)
    {
        if (options.ParentModules.Count == 0 || options.ParentModules.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{Section}:ParentModules must list at least one module API name (e.g. Contacts) and no empty names.");
        }

        if (options.RelatedModules.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{Section}:RelatedModules must not contain empty names.");
        }

        if (options.DeletableModules.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{Section}:DeletableModules must not contain empty names.");
        }

        if (!Enum.IsDefined(options.CoqlEmailMatch))
        {
            failures.Add($"{Section}:CoqlEmailMatch must be Like or Equals.");
        }
    }

    private static void ValidateTimings(DsrOptions options, List<string> failures)
    {
        if (options.ApprovalTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:ApprovalTimeout must be positive.");
        }

        if (options.RetentionDays < 1)
        {
            failures.Add($"{Section}:RetentionDays must be at least 1.");
        }

        if (options.AuditRetentionDays < options.RetentionDays)
        {
            failures.Add($"{Section}:AuditRetentionDays must be at least {Section}:RetentionDays: the audit log proves what was done with the data it outlives.");
        }

        if (options.ThrottleBaseDelay <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:ThrottleBaseDelay must be positive.");
        }

        if (options.ThrottleMaxDelay < options.ThrottleBaseDelay)
        {
            failures.Add($"{Section}:ThrottleMaxDelay must be at least {Section}:ThrottleBaseDelay.");
        }

        if (options.ThrottleMaxAttempts < 1)
        {
            failures.Add($"{Section}:ThrottleMaxAttempts must be at least 1.");
        }

        if (options.GateLease <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:GateLease must be positive.");
        }

        if (options.MetadataCacheTtl < TimeSpan.Zero || options.MetadataCacheTtl > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:MetadataCacheTtl must be between 00:00:00 (off) and 01:00:00.");
        }
    }

    private static void ValidateExports(ExportOptions exports, List<string> failures)
    {
        if (string.Equals(exports.Kind, ExportKinds.Blob, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(exports.ConnectionString) && exports.BlobServiceUri is null)
            {
                failures.Add($"{Section}:Exports:BlobServiceUri (with a managed identity) or {Section}:Exports:ConnectionString (Azurite) is required when {Section}:Exports:Kind is Blob.");
            }

            if (exports.BlobServiceUri is { IsAbsoluteUri: false })
            {
                failures.Add($"{Section}:Exports:BlobServiceUri must be an absolute URI.");
            }

            if (!IsContainerName(exports.Container))
            {
                failures.Add($"{Section}:Exports:Container must be a blob container name: 3-63 lowercase letters, digits and single hyphens.");
            }
        }
        else if (string.Equals(exports.Kind, ExportKinds.LocalFolder, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(exports.LocalPath))
            {
                failures.Add($"{Section}:Exports:LocalPath is required when {Section}:Exports:Kind is LocalFolder.");
            }
        }
        else
        {
            failures.Add($"{Section}:Exports:Kind must be '{ExportKinds.Blob}' or '{ExportKinds.LocalFolder}'.");
        }
    }

    private static void ValidateAudit(DsrOptions options, List<string> failures)
    {
        AuditOptions audit = options.Audit;
        if (!string.IsNullOrWhiteSpace(audit.SubjectKey))
        {
            if (AuditSubjectKey.TryDecode(audit.SubjectKey, out string? problem) is null)
            {
                failures.Add($"{AuditOptions.SubjectKeyKey} {problem} (base64 of {AuditSubjectKey.MinKeyBytes} random bytes).");
            }
        }
        else if (options.KeyVaultUri is null)
        {
            failures.Add(
                $"{AuditOptions.SubjectKeyKey} is required: the secret key of the audit log's subject hashes (base64 of {AuditSubjectKey.MinKeyBytes} random bytes; "
                + $"the local host generates one in user secrets), or set {Section}:KeyVaultUri to read it from the Key Vault secret '{audit.SubjectKeySecretName}'.");
        }

        if (string.IsNullOrWhiteSpace(audit.SubjectKeySecretName) || audit.SubjectKeySecretName.Length > 127
            || !audit.SubjectKeySecretName.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            failures.Add($"{Section}:Audit:SubjectKeySecretName must be a Key Vault secret name: 1-127 letters, digits and '-'.");
        }
    }

    private static bool IsContainerName(string? name)
        => name is { Length: >= 3 and <= 63 }
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1])
            && !name.Contains("--", StringComparison.Ordinal);
}
