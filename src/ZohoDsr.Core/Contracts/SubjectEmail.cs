using System.Globalization;
using System.Text;

namespace ZohoDsr.Core.Contracts;

/// <summary>
/// The rules a subject's email must follow, each refusal naming the rule it breaks. Zoho's email fields are searched for
/// the address as given, so an address that no field can hold (an invisible character, a list, a display name) would
/// silently find nothing: it is refused instead. The local part takes letters and digits of any script and RFC 5322's
/// atext (<c>! # $ % &amp; ' * + - / = ? ^ _ ` { | } ~</c>) with single inner dots, as Zoho's own address check does; what
/// else an org's Zoho email fields hold is not documented, so further characters are allowed only by setting
/// (<c>ZohoDsr:Webhook:SubjectEmailExtraCharacters</c>). Control (Cc) and format (Cf) characters are never allowed.
/// </summary>
public static class SubjectEmail
{
    /// <summary>Longest address (RFC 5321 path limit).</summary>
    public const int MaxLength = 254;

    /// <summary>Longest local part (RFC 5321).</summary>
    public const int MaxLocalPartLength = 64;

    /// <summary>Longest domain label (RFC 1035).</summary>
    public const int MaxLabelLength = 63;

    /// <summary>The punctuation RFC 5322 allows in an unquoted local part besides '.'.</summary>
    public const string AtextPunctuation = "!#$%&'*+-/=?^_`{|}~";

    private const string Field = "subject.email";

    /// <summary>True for the characters no address may hold: Unicode control (Cc) and format (Cf) characters.</summary>
    public static bool IsControlOrFormat(Rune rune)
        => Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format;

    /// <summary>
    /// What is wrong with <paramref name="email"/> (leading and trailing whitespace aside), naming the rule it breaks, or
    /// null when it is one acceptable address. <paramref name="extraLocalCharacters"/> are further characters the local
    /// part may hold.
    /// </summary>
    public static string? Problem(string? email, string? extraLocalCharacters = null)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return $"{Field} is required.";
        }

        int position = 0;
        foreach (Rune rune in email.EnumerateRunes())
        {
            position++;
            if (IsControlOrFormat(rune))
            {
                return $"{Field} must not contain control or invisible formatting characters (Unicode Cc/Cf: zero-width space or joiner, BOM, bidi controls, soft hyphen): U+{rune.Value:X4} at position {position}.";
            }
        }

        string address = email.Trim();
        if (address.Length > MaxLength)
        {
            return $"{Field} must be at most {MaxLength} characters.";
        }

        if (address.Any(char.IsWhiteSpace))
        {
            return $"{Field} must be one address without spaces (no display name, no list).";
        }

        int at = address.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || at != address.LastIndexOf('@'))
        {
            return $"{Field} must be one address with exactly one '@' (local-part@domain).";
        }

        return LocalPartProblem(address[..at], extraLocalCharacters) ?? DomainProblem(address[(at + 1)..]);
    }

    private static string? LocalPartProblem(string local, string? extra)
    {
        if (local.Length == 0)
        {
            return $"{Field} needs a part before '@'.";
        }

        if (local.Length > MaxLocalPartLength)
        {
            return $"{Field}: the part before '@' must be at most {MaxLocalPartLength} characters.";
        }

        foreach (Rune rune in local.EnumerateRunes())
        {
            if (!IsLetterDigitOrMark(rune) && rune.Value != '.' && !AtextPunctuation.Contains(rune.ToString(), StringComparison.Ordinal)
                && (extra is null || !extra.Contains(rune.ToString(), StringComparison.Ordinal)))
            {
                return $"{Field}: the part before '@' may contain only letters, digits, '.' and {string.Join(' ', AtextPunctuation.ToCharArray())}{ExtraText(extra)}; '{rune}' is not allowed.";
            }
        }

        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return $"{Field}: the part before '@' must not start or end with '.' or contain '..'.";
        }

        return null;
    }

    private static string? DomainProblem(string domain)
    {
        const string Rule = "the part after '@' must be a domain name: labels of letters, digits and '-' (not at a label's start or end), at most 63 characters each, separated by single dots, at least two labels";
        if (domain.Length == 0)
        {
            return $"{Field} needs a domain after '@'.";
        }

        string[] labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return $"{Field}: {Rule}; it has no '.'.";
        }

        foreach (string label in labels)
        {
            if (label.Length == 0 || label.Length > MaxLabelLength || label[0] == '-' || label[^1] == '-'
                || !label.EnumerateRunes().All(r => IsLetterDigitOrMark(r) || r.Value == '-'))
            {
                return $"{Field}: {Rule}.";
            }
        }

        return null;
    }

    private static bool IsLetterDigitOrMark(Rune rune)
        => Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static string ExtraText(string? extra)
        => string.IsNullOrEmpty(extra) ? string.Empty : $" (and {string.Join(' ', extra.ToCharArray())}, by setting)";
}
