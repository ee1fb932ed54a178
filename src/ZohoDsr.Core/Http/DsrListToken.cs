using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ZohoDsr.Core.Http;

/// <summary>
/// The list's continuation token: the engine's token, bound to the query it continues and sealed with an HMAC (the
/// signing secret), so that a token edited by hand or moved to another query is refused by name instead of reaching the
/// engine. Base64url: <c>{engine token}.{mac}</c>.
/// </summary>
internal static class DsrListToken
{
    public static string Seal(string engineToken, string query, ReadOnlySpan<byte> secret)
        => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(engineToken)) + "." + Mac(engineToken, query, secret);

    /// <summary>The engine's token, or null when <paramref name="token"/> was not issued for <paramref name="query"/> by this service.</summary>
    public static string? Open(string token, string query, ReadOnlySpan<byte> secret)
    {
        int dot = token.LastIndexOf('.');
        if (dot <= 0 || token.Length > 8192)
        {
            return null;
        }

        string engineToken;
        try
        {
            engineToken = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(0, dot)));
        }
        catch (FormatException)
        {
            return null;
        }

        byte[] expected = Encoding.ASCII.GetBytes(Mac(engineToken, query, secret));
        byte[] given = Encoding.ASCII.GetBytes(token[(dot + 1)..]);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? engineToken : null;
    }

    private static string Mac(string engineToken, string query, ReadOnlySpan<byte> secret)
    {
        byte[] key = secret.IsEmpty ? [0] : secret.ToArray();
        return Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("list\n" + query + "\n" + engineToken)));
    }
}
