using System.Text;
using System.Text.RegularExpressions;

namespace ZohoCrm.Client;

/// <summary>Short, sanitised excerpts of response bodies and Zoho messages for exception messages.</summary>
internal static partial class ZohoExcerpt
{
    private const int MaxLength = 120;

    /// <summary>How much of a text is looked at: the patterns below are not linear on long runs, and Zoho's text may be huge.</summary>
    private const int MaxInput = 1_024;

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

        if (text.Length > MaxInput)
        {
            // Cut at a space, so no email, URI or token is cut short into something the patterns no longer recognise.
            int space = text.AsSpan(0, MaxInput).LastIndexOfAny(' ', '\n', '\t');
            text = space > 0 ? text[..space] : string.Empty;
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
