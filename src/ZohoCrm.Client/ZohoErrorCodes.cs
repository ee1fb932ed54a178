namespace ZohoCrm.Client;

/// <summary>The Zoho error codes the client itself acts on, to test <see cref="ZohoApiException.Code"/> against.</summary>
public static class ZohoErrorCodes
{
    /// <summary>
    /// The token endpoint's answer to a used or expired grant code, and to a revoked or invalid refresh token: the org must
    /// be authorised again. The token provider remembers it and fails at once until the org's credentials change.
    /// </summary>
    public const string InvalidCode = "invalid_code";

    /// <summary>The token endpoint's answer to a wrong client id or secret, or a client of another data centre.</summary>
    public const string InvalidClient = "invalid_client";

    /// <summary>The token endpoint's answer to a wrong client secret (seen in third-party code).</summary>
    public const string InvalidClientSecret = "invalid_client_secret";

    /// <summary>The token endpoint's throttle (too many token requests): a <see cref="ZohoThrottledException"/>.</summary>
    public const string AccessDenied = "Access Denied";

    /// <summary>HTTP 429: the org's credit budget or concurrency limit: a <see cref="ZohoThrottledException"/>.</summary>
    public const string TooManyRequests = "TOO_MANY_REQUESTS";

    /// <summary>HTTP 401: the access token is expired, revoked or unknown (the client refreshes once and resends once).</summary>
    public const string InvalidToken = "INVALID_TOKEN";

    /// <summary>HTTP 401: the refresh token lacks the call's scope (<see cref="ZohoApiException.RequiredScope"/> names it).</summary>
    public const string OAuthScopeMismatch = "OAUTH_SCOPE_MISMATCH";
}
