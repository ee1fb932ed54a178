using ZohoCrm.Client;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// The codes of <see cref="ActivityFault"/>: Zoho's own spelling where Zoho has one (the token endpoint's lowercase codes,
/// the API's uppercase ones), ours otherwise. A record a failed step did not finish carries one as its reason.
/// </summary>
public static class ActivityFaultCodes
{
    /// <summary>The token endpoint refused the refresh token: revoked or invalid. Re-authorise the org.</summary>
    public const string InvalidCode = ZohoErrorCodes.InvalidCode;

    /// <summary>The token endpoint refused the client id (or the org's data centre is wrong).</summary>
    public const string InvalidClient = ZohoErrorCodes.InvalidClient;

    /// <summary>The token endpoint refused the client secret.</summary>
    public const string InvalidClientSecret = ZohoErrorCodes.InvalidClientSecret;

    /// <summary>The org's grant lacks a scope the call needs. Re-authorise the org with the service's scopes.</summary>
    public const string OAuthScopeMismatch = ZohoErrorCodes.OAuthScopeMismatch;

    /// <summary>Zoho's 401 whose trigger is not documented; treated as a grant that no longer works.</summary>
    public const string AuthenticationFailure = "AUTHENTICATION_FAILURE";

    /// <summary>No answer came back on any attempt: connections refused or dropped, timeouts, an open circuit.</summary>
    public const string TransportError = "TRANSPORT_ERROR";

    /// <summary>A delete or purge was sent but its answer was lost on every attempt: applied or not, nobody knows yet.</summary>
    public const string OutcomeUnknown = "OUTCOME_UNKNOWN";

    /// <summary>The prefix of a server error on every attempt: <c>HTTP_500</c>, <c>HTTP_503</c>, ...</summary>
    public const string HttpPrefix = "HTTP_";

    /// <summary>The activity threw something else on every attempt (see the instance's history).</summary>
    public const string ActivityFailed = "ACTIVITY_FAILED";

    /// <summary>The activity returned nothing.</summary>
    public const string NoResult = "NO_RESULT";

    /// <summary>The code of a server error with this HTTP status (<c>HTTP_503</c>).</summary>
    public static string Http(int status) => HttpPrefix + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
