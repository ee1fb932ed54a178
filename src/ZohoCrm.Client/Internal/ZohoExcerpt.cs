using System.Text;
using System.Text.RegularExpressions;

namespace ZohoCrm.Client;

/// <summary>Short, sanitised excerpts of response bodies and Zoho messages for exception messages.</summary>
internal static partial class ZohoExcerpt
{
    private const int MaxLength = 120;

    /// <summary>The first characters of a body, with emails, URIs and anything token-like removed.</summary>
    public static string Of(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return "(empty body)";
        }

        ReadOnlySpan<byte> head = body.Length > 512 ? body[..512] : body;
        return Sanitize(Encoding.UTF8.GetString(head));
    }

    /// <summary>Removes emails, URIs, token-like runs, markup and control characters; shortens to a line.</summary>
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        string result = TagPattern().Replace(text, " ");
        result = UriPattern().Replace(result, "[uri]");
        result = EmailPattern().Replace(result, "[email]");
        result = LongRunPattern().Replace(result, "[redacted]");
        result = WhitespacePattern().Replace(result, " ").Trim();
        return result.Length <= MaxLength ? result : string.Concat(result.AsSpan(0, MaxLength), "...");
    }

    [GeneratedRegex("<[^>]{0,200}>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+.-]*://\S*")]
    private static partial Regex UriPattern();

    [GeneratedRegex(@"[^\s@""'<>(),;:]*@[^\s@""'<>(),;:]*")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"[A-Za-z0-9._~+/=-]{20,}")]
    private static partial Regex LongRunPattern();

    [GeneratedRegex(@"[\s\p{C}]+")]
    private static partial Regex WhitespacePattern();
}
