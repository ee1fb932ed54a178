using Microsoft.Extensions.Options;
using ZohoCrm.Client;
using ZohoDsr.Core.Secrets;

namespace ZohoDsr.Functions.Configuration;

/// <summary>
/// What the Functions app needs of <see cref="ZohoCrmClientOptions"/>: at least one org, each with a client id, and org ids
/// that can be part of Key Vault secret names. Each failure names its configuration key.
/// </summary>
public sealed class FunctionsZohoOptionsValidator : IValidateOptions<ZohoCrmClientOptions>
{
    public ValidateOptionsResult Validate(string? name, ZohoCrmClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Orgs.Count == 0)
        {
            return ValidateOptionsResult.Fail("Zoho:Orgs must configure at least one org (Zoho:Orgs:{orgId}:ClientId, :DataCenter, :Edition).");
        }

        List<string> failures = [];
        foreach ((string orgId, ZohoOrgOptions org) in options.Orgs.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (!KeyVaultZohoTokenStore.IsValidOrgId(orgId))
            {
                failures.Add($"Zoho:Orgs:{orgId}: org ids may hold only letters, digits and '-' (at most {KeyVaultZohoTokenStore.MaxOrgIdLength}), since they name Key Vault secrets.");
            }

            if (string.IsNullOrWhiteSpace(org?.ClientId))
            {
                failures.Add($"Zoho:Orgs:{orgId}:ClientId is required: the OAuth client id from Zoho's API console.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
