namespace ZohoCrm.Client;

/// <summary>Zoho's data centres: the accounts server (OAuth) and production API domain of each.</summary>
/// <param name="Name">The short name: US, EU, IN, AU, JP, CN, CA, SA, UK.</param>
/// <param name="AccountsUrl">The accounts server; the token URL is this plus <c>/oauth/v2/token</c>.</param>
/// <param name="ApiDomain">The production API domain (the token response's <c>api_domain</c> is authoritative).</param>
public sealed record ZohoDataCenter(string Name, Uri AccountsUrl, Uri ApiDomain)
{
    private static readonly Dictionary<string, ZohoDataCenter> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = new("US", new Uri("https://accounts.zoho.com"), new Uri("https://www.zohoapis.com")),
        ["EU"] = new("EU", new Uri("https://accounts.zoho.eu"), new Uri("https://www.zohoapis.eu")),
        ["IN"] = new("IN", new Uri("https://accounts.zoho.in"), new Uri("https://www.zohoapis.in")),
        ["AU"] = new("AU", new Uri("https://accounts.zoho.com.au"), new Uri("https://www.zohoapis.com.au")),
        ["JP"] = new("JP", new Uri("https://accounts.zoho.jp"), new Uri("https://www.zohoapis.jp")),
        ["CN"] = new("CN", new Uri("https://accounts.zoho.com.cn"), new Uri("https://www.zohoapis.com.cn")),
        ["CA"] = new("CA", new Uri("https://accounts.zohocloud.ca"), new Uri("https://www.zohoapis.ca")),
        ["SA"] = new("SA", new Uri("https://accounts.zoho.sa"), new Uri("https://www.zohoapis.sa")),
        ["UK"] = new("UK", new Uri("https://accounts.zoho.uk"), new Uri("https://www.zohoapis.uk")),
    };

    /// <summary>The names of every known data centre.</summary>
    public static IReadOnlyCollection<string> Names => Known.Keys;

    /// <summary>True when <paramref name="host"/> is the accounts server of a known data centre (case-insensitive).</summary>
    internal static bool IsAccountsHost(string host)
        => Known.Values.Any(dc => string.Equals(dc.AccountsUrl.Host, host, StringComparison.OrdinalIgnoreCase));

    /// <summary>The accounts server hosts of every known data centre.</summary>
    internal static IEnumerable<string> AccountsHosts => Known.Values.Select(dc => dc.AccountsUrl.Host);

    /// <summary>Finds a data centre by name (case-insensitive).</summary>
    public static bool TryGet(string name, out ZohoDataCenter dataCenter)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Known.TryGetValue(name, out dataCenter!);
    }
}
