namespace ZohoCrm.Simulator.Auth;

/// <summary>An issued access token.</summary>
internal sealed class AccessGrant(SimOrg org, string token, ScopeSet scopes, DateTimeOffset expiresAt, RefreshGrant? parent)
{
    public SimOrg Org { get; } = org;

    public string Token { get; } = token;

    public ScopeSet Scopes { get; } = scopes;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public RefreshGrant? Parent { get; } = parent;

    public bool Invalidated { get; set; }
}
