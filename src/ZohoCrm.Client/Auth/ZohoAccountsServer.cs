namespace ZohoCrm.Client;

/// <summary>
/// Which accounts server may receive an org's client secret with a grant code: the org's own (its data centre's, or
/// exactly its configured <c>AccountsUrl</c>), or, when the consent redirect names another (<c>accounts-server=</c>), only
/// the https accounts server of one of Zoho's data centres (<see cref="ZohoDataCenter"/>). A pasted redirect URL is
/// untrusted input: anything else is refused before a secret is read or sent.
/// </summary>
internal static class ZohoAccountsServer
{
    /// <summary>The accounts URL (no trailing '/') to exchange the grant code at.</summary>
    /// <exception cref="ArgumentException"><paramref name="named"/> is neither: names the host, sends nothing.</exception>
    public static string ForCodeExchange(string orgId, ZohoOrgOptions org, Uri? named)
    {
        string configured = ZohoTokenProvider.GetAccountsUrl(org);
        if (named is null)
        {
            return configured;
        }

        if (named.IsAbsoluteUri && IsBare(named) && SameServer(named, new Uri(configured)))
        {
            return configured;
        }

        if (named.IsAbsoluteUri && IsBare(named) && named.Scheme == Uri.UriSchemeHttps && named.IsDefaultPort
            && named.AbsolutePath == "/" && ZohoDataCenter.IsAccountsHost(named.Host))
        {
            return "https://" + named.Host;
        }

        string server = named.IsAbsoluteUri ? named.Authority : "(a relative URL)";
        throw new ArgumentException(
            $"Refusing the accounts server '{server}' for Zoho org '{orgId}': a grant code is exchanged only at a Zoho data centre's accounts server over https ({string.Join(", ", ZohoDataCenter.AccountsHosts)}) or at exactly Zoho:Orgs:{orgId}:AccountsUrl. Nothing was sent.",
            "accountsServer");
    }

    /// <summary>No user info, query or fragment: a server, not a URL with hidden parts.</summary>
    private static bool IsBare(Uri uri) => uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0;

    private static bool SameServer(Uri named, Uri configured)
        => string.Equals(named.Scheme, configured.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(named.Host, configured.Host, StringComparison.OrdinalIgnoreCase)
            && named.Port == configured.Port
            && string.Equals(named.AbsolutePath.TrimEnd('/'), configured.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal);
}
