using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ZohoCrm.Client;

/// <summary>
/// Validates <see cref="ZohoCrmClientOptions"/> on start: the data annotations, and per org a client id and a known data
/// centre (or an explicit accounts URL). Every failure names its configuration key (<c>Zoho:Orgs:{orgId}:ClientId</c>).
/// </summary>
public sealed class ZohoCrmClientOptionsValidator : IValidateOptions<ZohoCrmClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ZohoCrmClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        AddAnnotationFailures(options, ZohoCrmClientOptions.SectionName, failures);

        if (!Enum.IsDefined(options.Version))
        {
            failures.Add($"{ZohoCrmClientOptions.SectionName}:Version: '{options.Version}' is not a supported API version (V2, V8).");
        }

        if (options.TotalTimeout < options.AttemptTimeout)
        {
            failures.Add($"{ZohoCrmClientOptions.SectionName}:TotalTimeout must be at least AttemptTimeout.");
        }

        foreach ((string orgId, ZohoOrgOptions? org) in options.Orgs)
        {
            string key = $"{ZohoCrmClientOptions.SectionName}:Orgs:{orgId}";
            if (org is null)
            {
                failures.Add($"{key}: the org has no settings.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(org.ClientId))
            {
                failures.Add($"{key}:ClientId is required (the OAuth client id from Zoho's API console).");
            }

            if (org.AccountsUrl is null && !ZohoDataCenter.TryGet(org.DataCenter ?? string.Empty, out _))
            {
                failures.Add($"{key}:DataCenter: '{org.DataCenter}' is not a known Zoho data centre ({string.Join(", ", ZohoDataCenter.Names)}); set a known one or {key}:AccountsUrl.");
            }

            if (org.AccountsUrl is not null && !org.AccountsUrl.IsAbsoluteUri)
            {
                failures.Add($"{key}:AccountsUrl must be an absolute URL.");
            }

            if (!Enum.IsDefined(org.Edition))
            {
                failures.Add($"{key}:Edition: '{org.Edition}' is not a Zoho CRM edition.");
            }

            if (org.Version is ZohoCrmClientOptions.ServiceVersion version && !Enum.IsDefined(version))
            {
                failures.Add($"{key}:Version: '{version}' is not a supported API version (V2, V8).");
            }

            var annotationFailures = new List<string>();
            AddAnnotationFailures(org, key, annotationFailures);
            failures.AddRange(annotationFailures.Where(f => !f.StartsWith(key + ":ClientId", StringComparison.Ordinal)));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddAnnotationFailures(object instance, string prefix, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true))
        {
            return;
        }

        foreach (ValidationResult result in results)
        {
            string member = result.MemberNames.FirstOrDefault() ?? string.Empty;
            failures.Add($"{prefix}:{member}: {result.ErrorMessage}");
        }
    }
}
