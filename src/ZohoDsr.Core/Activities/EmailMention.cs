namespace ZohoDsr.Core.Activities;

/// <summary>
/// Whether free text mentions an email: the address must stand whole, in any letter case, so <c>xlee@example.com</c> and
/// <c>lee@example.com.evil</c> do not mention <c>lee@example.com</c> (a sentence's full stop after it still does).
/// </summary>
internal static class EmailMention
{
    public static bool In(string? text, string email)
    {
        string key = email.Trim();
        if (string.IsNullOrEmpty(text) || key.Length == 0)
        {
            return false;
        }

        for (int at = text.IndexOf(key, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(key, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            bool before = at == 0 || !IsAddressChar(text[at - 1]);
            int end = at + key.Length;
            bool after = end == text.Length || !IsAddressChar(text[end])
                || (text[end] == '.' && (end + 1 == text.Length || !IsAddressChar(text[end + 1])));
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAddressChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '@';
}
