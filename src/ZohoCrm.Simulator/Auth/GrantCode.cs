namespace ZohoCrm.Simulator.Auth;

/// <summary>A single-use authorization code.</summary>
internal sealed class GrantCode(SimOrg org, string code, string redirectUri, ScopeSet scopes, DateTimeOffset expiresAt, bool offline)
{
    public SimOrg Org { get; } = org;

    public string Code { get; } = code;

    public string RedirectUri { get; } = redirectUri;

    public ScopeSet Scopes { get; } = scopes;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Offline { get; } = offline;

    public bool Used { get; set; }
}
