using System.Security.Cryptography;
using System.Text;

namespace ZohoDsr.Core.Audit;

/// <summary>
/// The data subject as it appears in an audit log: <c>hex(SHA-256(salt || lowercased trimmed email))</c> with a random
/// salt per request (stored in the audit log's first line), so a log proves which subject it was about to whoever knows
/// the email, without holding the email and without letting hashes be joined across requests.
/// </summary>
public static class SubjectHash
{
    /// <summary>Salt length in bytes.</summary>
    public const int SaltLength = 16;

    /// <summary>A new random salt.</summary>
    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltLength);

    /// <summary>The email as it is hashed: trimmed and lower-cased (invariant).</summary>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    /// <summary>The lowercase hex SHA-256 of <paramref name="salt"/> followed by the normalised email's UTF-8 bytes.</summary>
    public static string Compute(ReadOnlySpan<byte> salt, string email)
    {
        if (salt.IsEmpty)
        {
            throw new ArgumentException("The salt must not be empty.", nameof(salt));
        }

        string normalized = Normalize(email);
        int emailBytes = Encoding.UTF8.GetByteCount(normalized);
        byte[] buffer = new byte[salt.Length + emailBytes];
        salt.CopyTo(buffer);
        Encoding.UTF8.GetBytes(normalized, buffer.AsSpan(salt.Length));
        return Convert.ToHexStringLower(SHA256.HashData(buffer));
    }

    /// <summary><see cref="Compute(ReadOnlySpan{byte}, string)"/> with the salt given in hex, as stored in the log.</summary>
    public static string Compute(string saltHex, string email) => Compute(Convert.FromHexString(saltHex), email);
}
