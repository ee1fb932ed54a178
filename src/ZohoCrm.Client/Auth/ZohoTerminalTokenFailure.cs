using System.Security.Cryptography;
using System.Text;

namespace ZohoCrm.Client;

/// <summary>
/// A refresh Zoho refused for good (<c>invalid_code</c>: the refresh token is revoked or invalid; <c>invalid_client</c>:
/// the client id or secret is wrong), remembered against a fingerprint of the credentials it was refused for (a hash: no
/// secret is kept), so that the same credentials fail at once, without a token request, until they change.
/// </summary>
/// <param name="Fingerprint">SHA-256 of the client id, client secret and refresh token.</param>
/// <param name="Status">The HTTP status of Zoho's answer.</param>
/// <param name="Code">Zoho's code.</param>
/// <param name="Message">The message each repeat carries.</param>
internal sealed record ZohoTerminalTokenFailure(string Fingerprint, int Status, string Code, string Message)
{
    /// <summary>Whether an error of the token endpoint means the credentials will never work as they are.</summary>
    public static bool IsTerminal(ZohoApiException error)
        => error is not ZohoThrottledException
            && error.Code is ZohoErrorCodes.InvalidCode or ZohoErrorCodes.InvalidClient or ZohoErrorCodes.InvalidClientSecret;

    /// <summary>The failure, with a message a person can act on.</summary>
    public static ZohoTerminalTokenFailure For(string orgId, string fingerprint, int status, string code) => new(
        fingerprint,
        status,
        code,
        code == ZohoErrorCodes.InvalidCode
            ? $"The refresh token of Zoho org '{orgId}' was revoked or is invalid ({code}): re-authorise the org to store a new one."
            : $"Zoho refused the client id or secret of org '{orgId}' ({code}): check Zoho:Orgs:{orgId}:ClientId, the stored client secret and the org's data centre, then re-authorise the org if they change.");

    public static string FingerprintOf(string clientId, string clientSecret, string refreshToken)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', clientId, clientSecret, refreshToken))));

    /// <summary>A fresh exception for each caller (one instance thrown from many places would share its stack trace).</summary>
    public ZohoApiException ToException() => new(Status, Code, Message);
}
