using System.Security.Cryptography;
using System.Text;

namespace ZohoDsr.Core.Audit;

/// <summary>
/// The secret key of the audit logs' subject hashes (<see cref="SubjectHash"/>) and the id an audit log records in its
/// header to say which key it was written with. The key itself is never written anywhere by this service and
/// <see cref="ToString"/> shows only the id.
/// </summary>
public sealed class AuditSubjectKey
{
    /// <summary>Shortest key accepted: 256 bits, the size of the HMAC-SHA256 output.</summary>
    public const int MinKeyBytes = 32;

    private readonly byte[] _key;

    public AuditSubjectKey(string keyId, ReadOnlySpan<byte> key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        if (key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"The audit subject key must be at least {MinKeyBytes} bytes.", nameof(key));
        }

        KeyId = keyId;
        _key = key.ToArray();
    }

    /// <summary>Which key this is, as the audit log header records it (never the key).</summary>
    public string KeyId { get; }

    /// <summary>The key's bytes.</summary>
    public ReadOnlySpan<byte> Key => _key;

    /// <summary>A new random key (CSPRNG), base64-encoded as configuration and Key Vault hold it.</summary>
    public static string NewKeyBase64() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinKeyBytes));

    /// <summary>
    /// Reads a base64 key; null with <paramref name="problem"/> when it is not base64 or shorter than
    /// <see cref="MinKeyBytes"/> bytes.
    /// </summary>
    public static byte[]? TryDecode(string? base64, out string? problem)
    {
        problem = null;
        byte[] key = new byte[((base64?.Length ?? 0) * 3 / 4) + 3];
        if (string.IsNullOrWhiteSpace(base64) || !Convert.TryFromBase64String(base64.Trim(), key, out int written))
        {
            problem = "must be base64";
            return null;
        }

        if (written < MinKeyBytes)
        {
            problem = $"must hold at least {MinKeyBytes} random bytes";
            return null;
        }

        return key[..written];
    }

    /// <summary>An id for a key known only by its bytes: a prefix and the start of a SHA-256 of a label and the key.</summary>
    public static string FingerprintId(string prefix, ReadOnlySpan<byte> key)
    {
        byte[] label = Encoding.UTF8.GetBytes("ZohoDsr audit subject key id\n");
        byte[] hash = SHA256.HashData([.. label, .. key]);
        return prefix + Convert.ToHexStringLower(hash, 0, 8);
    }

    public override string ToString() => KeyId;
}
