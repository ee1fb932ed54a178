using Microsoft.Extensions.Options;
using ZohoDsr.Core.Configuration;

namespace ZohoDsr.Functions.Configuration;

/// <summary>
/// What the Functions app needs of <see cref="DsrOptions"/> beyond Core's checks: the Key Vault, the webhook secret, a task
/// hub name Durable accepts, a retention period. Each failure names its configuration key.
/// </summary>
public sealed class FunctionsDsrOptionsValidator : IValidateOptions<DsrOptions>
{
    internal const string KeyVaultUriMissing =
        "ZohoDsr:KeyVaultUri is required: the Key Vault (https://{name}.vault.azure.net/) holding zoho-{orgId}-client-secret and zoho-{orgId}-refresh-token.";

    public ValidateOptionsResult Validate(string? name, DsrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        if (options.KeyVaultUri is null)
        {
            failures.Add(KeyVaultUriMissing);
        }
        else if (!options.KeyVaultUri.IsAbsoluteUri || options.KeyVaultUri.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("ZohoDsr:KeyVaultUri must be an absolute https URI (https://{name}.vault.azure.net/).");
        }

        if (string.IsNullOrWhiteSpace(options.Webhook.SigningSecret))
        {
            failures.Add("ZohoDsr:Webhook:SigningSecret is required: the HMAC secret intake webhooks are signed with (a Key Vault reference in Azure).");
        }

        if (!IsValidTaskHub(options.TaskHub))
        {
            failures.Add("ZohoDsr:TaskHub must be 3 to 45 letters or digits, starting with a letter (Durable's task hub name rules).");
        }

        if (options.RetentionDays < 1)
        {
            failures.Add("ZohoDsr:RetentionDays must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsValidTaskHub(string? taskHub)
        => taskHub is { Length: >= 3 and <= 45 } && char.IsAsciiLetter(taskHub[0]) && taskHub.All(char.IsAsciiLetterOrDigit);
}
