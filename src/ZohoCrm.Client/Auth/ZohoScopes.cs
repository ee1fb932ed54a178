namespace ZohoCrm.Client;

/// <summary>The OAuth scopes the DSR workflow needs, and which call needs which.</summary>
public static class ZohoScopes
{
    /// <summary>Records: list, get, related lists, delete, deleted records.</summary>
    public const string ModulesAll = "ZohoCRM.modules.ALL";

    /// <summary>The Search API (together with the modules scope).</summary>
    public const string SearchRead = "ZohoSearch.securesearch.READ";

    /// <summary>COQL queries.</summary>
    public const string CoqlRead = "ZohoCRM.coql.READ";

    /// <summary>Fields, modules and related-list metadata, and the recycle bin.</summary>
    public const string SettingsAll = "ZohoCRM.settings.ALL";

    /// <summary>The Org API (privacy settings, edition).</summary>
    public const string OrgAll = "ZohoCRM.org.ALL";

    /// <summary>Every scope the DSR workflow asks for in the authorization URL.</summary>
    public static IReadOnlyList<string> DsrWorkflow { get; } = [ModulesAll, SearchRead, CoqlRead, SettingsAll, OrgAll];
}
