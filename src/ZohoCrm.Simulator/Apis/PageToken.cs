using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ZohoCrm.Simulator.Apis;

/// <summary>
/// A v3+ <c>page_token</c>: bound to the org, module, parent record and query parameters, pointing after the last
/// record returned, valid 24 hours.
/// </summary>
internal sealed record PageToken(string Binding, long AfterId, int Position, long ExpiresUnix)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public const int MaxRecords = 100_000;

    public string Encode()
    {
        var text = string.Join('|', Binding, AfterId.ToString(CultureInfo.InvariantCulture), Position.ToString(CultureInfo.InvariantCulture),
            ExpiresUnix.ToString(CultureInfo.InvariantCulture));
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static PageToken? Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var parts = text.Split('|');
            if (parts.Length != 4)
            {
                return null;
            }

            return new PageToken(
                parts[0],
                long.Parse(parts[1], CultureInfo.InvariantCulture),
                int.Parse(parts[2], CultureInfo.InvariantCulture),
                long.Parse(parts[3], CultureInfo.InvariantCulture));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>A short stable digest of the values the token is bound to.</summary>
    public static string Bind(params string?[] values)
    {
        var hash = 2166136261u;
        foreach (var value in values)
        {
            foreach (var c in value ?? "\0")
            {
                hash = (hash ^ c) * 16777619u;
            }

            hash = (hash ^ '|') * 16777619u;
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}
