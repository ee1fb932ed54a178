using ZohoCrm.Client;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Why an activity failed for good, as a code (<see cref="ActivityFaultCodes"/>) a person can act on. A fault that no
/// retry can cure (a revoked refresh token, a missing scope) comes back in the activity's result
/// (<see cref="ZohoActivityResult.Fault"/>) at once, with what was done before it; any other failure is thrown as an
/// <see cref="ActivityFaultException"/>, retried by Durable, and read back from the failure's details
/// (<see cref="FromFailure"/>) once the retries are spent.
/// </summary>
/// <param name="Code">Zoho's code (<c>invalid_code</c>, <c>OAUTH_SCOPE_MISMATCH</c>) or ours (<c>TRANSPORT_ERROR</c>, <c>HTTP_503</c>).</param>
public sealed record ActivityFault(string Code)
{
    private static readonly string FaultExceptionType = typeof(ActivityFaultException).FullName!;

    /// <summary>Whether a Zoho error means the org's grant will not work as it is: retrying cannot help.</summary>
    public static bool IsPermanent(ZohoApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is not ZohoThrottledException and not ZohoOutcomeUnknownException
            && error.Code is ActivityFaultCodes.InvalidCode or ActivityFaultCodes.InvalidClient or ActivityFaultCodes.InvalidClientSecret
                or ActivityFaultCodes.OAuthScopeMismatch or ActivityFaultCodes.AuthenticationFailure;
    }

    /// <summary>The fault of an exception an activity's work threw.</summary>
    public static ActivityFault Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new ActivityFault(exception switch
        {
            ActivityFaultException faulted => faulted.Fault.Code,
            ZohoOutcomeUnknownException => ActivityFaultCodes.OutcomeUnknown,
            ZohoApiException { Status: >= 500 } api => ActivityFaultCodes.Http(api.Status),
            ZohoApiException { Status: 0 } => ActivityFaultCodes.TransportError,
            ZohoApiException { Code: { Length: > 0 } code } => code,
            HttpRequestException or IOException or TimeoutException or TaskCanceledException => ActivityFaultCodes.TransportError,
            _ => ActivityFaultCodes.ActivityFailed,
        });
    }

    /// <summary>
    /// The fault of a failed activity call, from what the engine keeps of the exception (its type's full name and its
    /// message): an <see cref="ActivityFaultException"/>'s message starts with its code; anything else (a storage or
    /// callback failure, not Zoho's) is <c>ACTIVITY_FAILED</c>.
    /// </summary>
    public static ActivityFault FromFailure(string? errorType, string? errorMessage)
    {
        if (string.Equals(errorType, FaultExceptionType, StringComparison.Ordinal)
            && ActivityFaultException.CodeOf(errorMessage) is { } code)
        {
            return new ActivityFault(code);
        }

        return new ActivityFault(ActivityFaultCodes.ActivityFailed);
    }

    /// <summary>What a person should do about the fault, for org <paramref name="orgId"/> (no personal data).</summary>
    public string Advice(string orgId) => Code switch
    {
        ActivityFaultCodes.InvalidCode => $"refresh token revoked: re-authorise org {orgId}",
        ActivityFaultCodes.InvalidClient or ActivityFaultCodes.InvalidClientSecret
            => $"client id or secret refused: check the client credentials and data centre of org {orgId}, then re-authorise it",
        ActivityFaultCodes.OAuthScopeMismatch => $"a scope is missing: re-authorise org {orgId} with the scopes the service asks for",
        ActivityFaultCodes.AuthenticationFailure => $"Zoho refused the grant: re-authorise org {orgId}",
        ActivityFaultCodes.TransportError => "Zoho could not be reached on any attempt (connections failed or timed out): check the network and Zoho's status, then submit the request again",
        ActivityFaultCodes.OutcomeUnknown => "Zoho's answers were lost on every attempt: submit the request again; it reconciles what was deleted",
        ActivityFaultCodes.ActivityFailed => "the activity failed on every attempt: see the exception in the instance's history",
        ActivityFaultCodes.NoResult => "the activity returned nothing: see the instance's history",
        _ when Code.StartsWith(ActivityFaultCodes.HttpPrefix, StringComparison.Ordinal)
            => $"Zoho answered {Code.Replace('_', ' ')} on every attempt: check Zoho's status, then submit the request again",
        _ => $"Zoho refused the call ({Code})",
    };
}
