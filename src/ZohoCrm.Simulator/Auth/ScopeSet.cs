namespace ZohoCrm.Simulator.Auth;

/// <summary>The scopes granted to a token (compared case-insensitively).</summary>
internal sealed class ScopeSet
{
    private readonly HashSet<string> _scopes;

    public ScopeSet(IEnumerable<string> scopes)
    {
        _scopes = new HashSet<string>(
            scopes.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> Scopes => _scopes;

    public bool Has(string scope) => _scopes.Contains(scope);

    /// <summary>Records of a module: ZohoCRM.modules.ALL or ZohoCRM.modules.{module}.{ALL|operation}.</summary>
    public bool HasModule(string scopeName, string operation) =>
        Has("ZohoCRM.modules.ALL")
        || Has($"ZohoCRM.modules.{scopeName}.ALL")
        || Has($"ZohoCRM.modules.{scopeName}.{operation}")
        || (operation is "CREATE" or "UPDATE" && Has($"ZohoCRM.modules.{scopeName}.WRITE"));

    public bool HasSearch() => Has("ZohoSearch.securesearch.READ") || Has("ZohoSearch.securesearch.ALL");

    public bool HasCoql() => Has("ZohoCRM.coql.READ") || Has("ZohoCRM.coql.ALL");

    /// <summary>ZohoCRM.settings.ALL or ZohoCRM.settings.{area}.{READ|ALL}.</summary>
    public bool HasSettings(string area, string operation = "READ") =>
        Has("ZohoCRM.settings.ALL") || Has($"ZohoCRM.settings.{area}.ALL") || Has($"ZohoCRM.settings.{area}.{operation}");

    public bool HasOrg(bool acceptRead) => Has("ZohoCRM.org.ALL") || (acceptRead && Has("ZohoCRM.org.READ"));
}
