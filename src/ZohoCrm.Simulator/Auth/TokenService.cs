using System.Collections.Concurrent;

namespace ZohoCrm.Simulator.Auth;

/// <summary>
/// Zoho Accounts for every org: clients, grant codes, refresh tokens (20 per client, the 21st drops the oldest) and
/// access tokens (1 hour; 10 per refresh token per 10 minutes; 15 active, the 16th invalidates the oldest).
/// </summary>
internal sealed class TokenService(TimeProvider time, SimulatorOptions options)
{
    public const int AccessTokensPerWindow = 10;
    public const int ActiveAccessTokens = 15;
    public const int RefreshTokensPerClient = 20;
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan IssueWindow = TimeSpan.FromMinutes(10);

    private readonly Lock _lock = new();
    private readonly Random _rng = new(options.RandomSeed * 7919);
    private readonly Dictionary<string, SimOrg> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefreshGrant> _refresh = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AccessGrant> _access = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GrantCode> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<SimOrg, List<RefreshGrant>> _refreshByOrg = [];

    public void RegisterClient(SimOrg org)
    {
        lock (_lock)
        {
            _clients.Add(org.ClientId, org);
            _refreshByOrg.Add(org, []);
        }
    }

    public SimOrg? FindClient(string? clientId)
    {
        if (clientId is null)
        {
            return null;
        }

        lock (_lock)
        {
            return _clients.GetValueOrDefault(clientId);
        }
    }

    public string NewSecret(int length)
    {
        lock (_lock)
        {
            return Hex(length);
        }
    }

    public string IssueRefreshToken(SimOrg org, IEnumerable<string> scopes)
    {
        lock (_lock)
        {
            return AddRefreshUnlocked(org, new ScopeSet(scopes)).Token;
        }
    }

    public string IssueGrantCode(SimOrg org, string redirectUri, IEnumerable<string> scopes, bool offline = true)
    {
        lock (_lock)
        {
            var code = "1000." + Hex(32) + "." + Hex(32);
            _codes[code] = new GrantCode(org, code, redirectUri, new ScopeSet(scopes), time.GetUtcNow() + options.GrantCodeLifetime, offline);
            return code;
        }
    }

    public TokenOutcome ExchangeCode(string dataCenter, string? clientId, string? clientSecret, string? redirectUri, string? code)
    {
        lock (_lock)
        {
            var org = CheckClientUnlocked(dataCenter, clientId, clientSecret);
            if (org is null)
            {
                return TokenOutcome.Fail("invalid_client");
            }

            if (code is null || !_codes.TryGetValue(code, out var grant) || grant.Used || grant.Org != org
                || time.GetUtcNow() >= grant.ExpiresAt)
            {
                return TokenOutcome.Fail("invalid_code");
            }

            if (!string.Equals(grant.RedirectUri, redirectUri, StringComparison.Ordinal))
            {
                return TokenOutcome.Fail("invalid_redirect_uri");
            }

            grant.Used = true;
            var refresh = AddRefreshUnlocked(org, grant.Scopes);
            var access = IssueAccessUnlocked(refresh);
            if (!grant.Offline)
            {
                RemoveRefreshUnlocked(refresh, revokeAccess: false);
                return new TokenOutcome(access.Token, null, null);
            }

            return new TokenOutcome(access.Token, refresh.Token, null);
        }
    }

    public TokenOutcome Refresh(string dataCenter, string? clientId, string? clientSecret, string? refreshToken)
    {
        lock (_lock)
        {
            var org = CheckClientUnlocked(dataCenter, clientId, clientSecret);
            if (org is null)
            {
                return TokenOutcome.Fail("invalid_client");
            }

            if (refreshToken is null || !_refresh.TryGetValue(refreshToken, out var grant) || grant.Revoked || grant.Org != org)
            {
                return TokenOutcome.Fail("invalid_code");
            }

            var now = time.GetUtcNow();
            while (grant.Issued.Count > 0 && now - grant.Issued.Peek() >= IssueWindow)
            {
                grant.Issued.Dequeue();
            }

            if (grant.Issued.Count >= AccessTokensPerWindow)
            {
                return new TokenOutcome(null, null, "Access Denied", Throttled: true);
            }

            var access = IssueAccessUnlocked(grant);
            org.Counters.CountTokenRefresh();
            return new TokenOutcome(access.Token, null, null);
        }
    }

    public bool Revoke(string? token)
    {
        lock (_lock)
        {
            if (token is null || !_refresh.TryGetValue(token, out var grant))
            {
                return false;
            }

            RemoveRefreshUnlocked(grant, revokeAccess: true);
            return true;
        }
    }

    /// <summary>Revokes every refresh token of an org and their access tokens; returns how many were revoked.</summary>
    public int RevokeAll(SimOrg org)
    {
        lock (_lock)
        {
            var grants = _refreshByOrg[org].ToList();
            foreach (var grant in grants)
            {
                RemoveRefreshUnlocked(grant, revokeAccess: true);
            }

            return grants.Count;
        }
    }

    /// <summary>The live grant of an access token, or null when unknown, expired or invalidated.</summary>
    public AccessGrant? Validate(string token)
    {
        if (!_access.TryGetValue(token, out var grant))
        {
            return null;
        }

        if (grant.Invalidated || time.GetUtcNow() >= grant.ExpiresAt)
        {
            return null;
        }

        return grant;
    }

    public void ExpireAccessTokens(SimOrg org)
    {
        foreach (var grant in _access.Values)
        {
            if (grant.Org == org)
            {
                grant.Invalidated = true;
            }
        }
    }

    private SimOrg? CheckClientUnlocked(string dataCenter, string? clientId, string? clientSecret)
    {
        if (clientId is null || !_clients.TryGetValue(clientId, out var org))
        {
            return null;
        }

        if (!string.Equals(org.ClientSecret, clientSecret, StringComparison.Ordinal)
            || !string.Equals(org.DataCenter, dataCenter, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return org;
    }

    private RefreshGrant AddRefreshUnlocked(SimOrg org, ScopeSet scopes)
    {
        var grant = new RefreshGrant(org, "1000." + Hex(32) + "." + Hex(32), scopes);
        _refresh.Add(grant.Token, grant);
        var list = _refreshByOrg[org];
        list.Add(grant);
        if (list.Count > RefreshTokensPerClient)
        {
            RemoveRefreshUnlocked(list[0], revokeAccess: true);
        }

        return grant;
    }

    private void RemoveRefreshUnlocked(RefreshGrant grant, bool revokeAccess)
    {
        grant.Revoked = true;
        _refresh.Remove(grant.Token);
        _refreshByOrg[grant.Org].Remove(grant);
        if (revokeAccess)
        {
            foreach (var access in grant.Active)
            {
                access.Invalidated = true;
            }
        }
    }

    private AccessGrant IssueAccessUnlocked(RefreshGrant parent)
    {
        var now = time.GetUtcNow();
        var access = new AccessGrant(parent.Org, "1000." + Hex(32) + "." + Hex(32), parent.Scopes, now + AccessTokenLifetime, parent);
        _access[access.Token] = access;
        parent.Issued.Enqueue(now);
        while (parent.Active.Count > 0 && (parent.Active.Peek().Invalidated || now >= parent.Active.Peek().ExpiresAt))
        {
            parent.Active.Dequeue();
        }

        parent.Active.Enqueue(access);
        if (parent.Active.Count > ActiveAccessTokens)
        {
            parent.Active.Dequeue().Invalidated = true;
        }

        return access;
    }

    private string Hex(int length)
    {
        Span<byte> bytes = stackalloc byte[length / 2];
        _rng.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
