using System.Security.Cryptography;
using System.Text;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Http;

/// <summary>
/// The orchestration instance id of a request: derived from org id and request id (hashed, so any characters are safe and
/// the two parts cannot be confused), so a repeated webhook finds the existing instance instead of starting a second run.
/// </summary>
public static class DsrInstanceId
{
    /// <summary>The prefix of every DSR instance id.</summary>
    public const string Prefix = "dsr-";

    /// <summary>
    /// <c>dsr-</c> + the first 32 lowercase hex digits of SHA-256(orgId + "\n" + requestId); the request id must follow
    /// <see cref="DsrRequestId"/> (an id intake would refuse has no instance).
    /// </summary>
    public static string For(string orgId, string requestId)
    {
        ArgumentException.ThrowIfNullOrEmpty(orgId);
        DsrRequestId.ThrowIfInvalid(requestId, nameof(requestId));
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(orgId + "\n" + requestId));
        return Prefix + Convert.ToHexStringLower(hash, 0, 16);
    }
}
