namespace ZohoCrm.Simulator.Auth;

/// <summary>An issued refresh token, its issue history (10 per 10 minutes) and its active access tokens (15).</summary>
internal sealed class RefreshGrant(SimOrg org, string token, ScopeSet scopes)
{
    public SimOrg Org { get; } = org;

    public string Token { get; } = token;

    public ScopeSet Scopes { get; } = scopes;

    public bool Revoked { get; set; }

    /// <summary>When each access token was issued within the last 10 minutes.</summary>
    public Queue<DateTimeOffset> Issued { get; } = new();

    /// <summary>Active access tokens, oldest first.</summary>
    public Queue<AccessGrant> Active { get; } = new();
}
