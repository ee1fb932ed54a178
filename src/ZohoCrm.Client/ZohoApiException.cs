using System.Text.Json;

namespace ZohoCrm.Client;

/// <summary>
/// A failed Zoho CRM call: the HTTP status, Zoho's <c>code</c> (e.g. <c>INVALID_MODULE</c>, <c>INVALID_QUERY</c>,
/// <c>OAUTH_SCOPE_MISMATCH</c>, or the token endpoint's <c>invalid_code</c>), its message and details.
/// Messages never carry a URI, a request body, a token or an email. Two subtypes need their own handling:
/// <see cref="ZohoThrottledException"/> (back off, then try again) and <see cref="ZohoOutcomeUnknownException"/> (a delete
/// may have been applied: reconcile before sending it again).
/// </summary>
public class ZohoApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ZohoApiException(int status, string? code, string message, JsonElement? details = null, string? requiredScope = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        Code = code;
        Details = details;
        RequiredScope = requiredScope;
    }

    /// <summary>The HTTP status code (0 when no response arrived).</summary>
    public int Status { get; }

    /// <summary>Zoho's error code, or null when the response carried none (an HTML page, an empty body).</summary>
    public string? Code { get; }

    /// <summary>Zoho's <c>details</c> object, when present.</summary>
    public JsonElement? Details { get; }

    /// <summary>For <c>OAUTH_SCOPE_MISMATCH</c>: the scope the failed call needs.</summary>
    public string? RequiredScope { get; }
}
