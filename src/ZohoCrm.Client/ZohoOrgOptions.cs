using System.ComponentModel.DataAnnotations;

namespace ZohoCrm.Client;

/// <summary>One Zoho CRM org (configuration <c>Zoho:Orgs:{orgId}</c>). Secrets are not options: see <see cref="IZohoTokenStore"/>.</summary>
public sealed class ZohoOrgOptions
{
    /// <summary>The org's data centre by name (<see cref="ZohoDataCenter.Names"/>: US, EU, IN, AU, JP, CN, CA, SA, UK). Default: US.</summary>
    public string DataCenter { get; set; } = "US";

    /// <summary>
    /// An accounts server URL that overrides the data centre's (a sandbox, a new DC, or a local simulator). Besides Zoho's
    /// own data centres' accounts servers, it is the only one a grant code (and the client secret) is ever sent to.
    /// </summary>
    public Uri? AccountsUrl { get; set; }

    /// <summary>The OAuth client id of the app registered in Zoho's API console.</summary>
    [Required]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The redirect URI registered for the client (authorization-code grant only).</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>The org's edition, which sets its API limits. Default: Enterprise.</summary>
    public ZohoEdition Edition { get; set; } = ZohoEdition.Enterprise;

    /// <summary>Purchased user licences, which raise the daily credit budget. Default: 10.</summary>
    [Range(1, 100_000)]
    public int UserLicenses { get; set; } = 10;

    /// <summary>The API version for this org; null uses <see cref="ZohoCrmClientOptions.Version"/>.</summary>
    public ZohoCrmClientOptions.ServiceVersion? Version { get; set; }
}
