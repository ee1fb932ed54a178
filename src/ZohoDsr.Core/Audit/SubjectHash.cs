using System.Security.Cryptography;
using System.Text;

namespace ZohoDsr.Core.Audit;

/// <summary>
/// The data subject as it appears in an audit log: <c>hex(HMAC-SHA256(key, orgId "\n" requestId "\n" lower(trim(email))))</c>
/// with a secret key kept outside the logs (<see cref="IAuditSubjectKeyProvider"/>: Key Vault, or the local host's user
/// secrets) and named in the log's header only by its id. Whoever holds the key and knows the email can prove which
/// subject a log was about; a log alone cannot be turned back into an email by guessing, and the request in the message
/// keeps hashes of one subject from being joined across requests.
/// </summary>
public static class SubjectHash
{
    /// <summary>How the hash is made, as the audit log header states it.</summary>
    public const string Algorithm = "hmac-sha256(key, orgId\\nrequestId\\nlower(trim(email)))";

    /// <summary>How logs started before keyed hashes were made (the salt is in their header); read, never written.</summary>
    public const string LegacySaltedAlgorithm = "sha256(salt||lower(trim(email)))";

    /// <summary>The email as it is hashed: trimmed and lower-cased (invariant).</summary>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    /// <summary>The lowercase hex HMAC-SHA256 under <paramref name="key"/> of the org, the request and the normalised email.</summary>
    public static string Compute(ReadOnlySpan<byte> key, string orgId, string requestId, string email)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("The key must not be empty.", nameof(key));
        }

        ArgumentException.ThrowIfNullOrEmpty(orgId);
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        byte[] message = Encoding.UTF8.GetBytes(orgId + "\n" + requestId + "\n" + Normalize(email));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, message));
    }

    /// <summary>The hash of a log started before keyed hashes: <c>hex(SHA-256(salt || normalised email))</c>, salt in hex.</summary>
    public static string ComputeLegacySalted(string saltHex, string email)
    {
        byte[] salt = Convert.FromHexString(saltHex);
        return Convert.ToHexStringLower(SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(Normalize(email))]));
    }
}
