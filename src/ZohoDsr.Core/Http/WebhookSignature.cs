using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ZohoDsr.Core.Http;

/// <summary>
/// HMAC-SHA256 signatures over <c>timestamp + "." + raw body</c>, for the intake webhook (verified) and our callback
/// (signed). Verification compares in constant time and rejects timestamps outside the tolerance (default 5 minutes).
/// </summary>
public static class WebhookSignature
{
    /// <summary>The prefix of the signature header's value.</summary>
    public const string Prefix = "sha256=";

    private const int HashHexLength = 64;

    /// <summary>The header value <c>sha256={hex}</c> for the body signed at <paramref name="timestamp"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> secret, long timestamp, ReadOnlySpan<byte> body)
    {
        if (secret.IsEmpty)
        {
            throw new ArgumentException("The signing secret must not be empty.", nameof(secret));
        }

        return Prefix + Convert.ToHexStringLower(Compute(secret, timestamp, body));
    }

    /// <summary>Checks the headers against the body; the result says why when it fails (missing, malformed, stale, mismatch).</summary>
    public static WebhookSignatureResult Verify(ReadOnlySpan<byte> secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(timestampHeader) || string.IsNullOrWhiteSpace(signatureHeader))
        {
            return WebhookSignatureResult.MissingHeaders;
        }

        string signature = signatureHeader.Trim();
        if (!long.TryParse(timestampHeader.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp)
            || !signature.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            || signature.Length != Prefix.Length + HashHexLength
            || !IsHex(signature.AsSpan(Prefix.Length)))
        {
            return WebhookSignatureResult.Malformed;
        }

        DateTimeOffset signedAt;
        try
        {
            signedAt = DateTimeOffset.FromUnixTimeSeconds(timestamp);
        }
        catch (ArgumentOutOfRangeException)
        {
            return WebhookSignatureResult.Malformed;
        }

        TimeSpan age = now - signedAt;
        if (age.Duration() > tolerance)
        {
            return WebhookSignatureResult.Stale;
        }

        if (secret.IsEmpty)
        {
            return WebhookSignatureResult.Mismatch;
        }

        byte[] expected = Compute(secret, timestamp, body);
        byte[] given = Convert.FromHexString(signature.AsSpan(Prefix.Length));
        return CryptographicOperations.FixedTimeEquals(expected, given) ? WebhookSignatureResult.Valid : WebhookSignatureResult.Mismatch;
    }

    private static byte[] Compute(ReadOnlySpan<byte> secret, long timestamp, ReadOnlySpan<byte> body)
    {
        byte[] prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static bool IsHex(ReadOnlySpan<char> value)
    {
        foreach (char c in value)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
