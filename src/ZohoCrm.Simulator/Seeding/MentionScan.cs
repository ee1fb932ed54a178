using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Seeding;

/// <summary>
/// Finds email addresses in free text (text areas such as <c>Description</c> and <c>Note_Content</c>, and a note's
/// <c>Note_Title</c>): an address counts only as a whole, any letter case, so <c>xlee.look@example.com</c> and
/// <c>lee.look@example.com.evil</c> do not mention <c>lee.look@example.com</c>.
/// </summary>
internal static class MentionScan
{
    /// <summary>Every live record's non-empty free-text values, in one pass over the org.</summary>
    public static List<(SimRecord Record, FieldDef Field, string Text)> Collect(SimOrg org)
    {
        var found = new List<(SimRecord, FieldDef, string)>();
        foreach (var store in org.Stores)
        {
            var fields = store.Schema.Fields
                .Where(f => f.Slot >= 0 && (f.Kind == FieldKind.TextArea || (store.Schema.ApiName == Schemas.Notes && f.ApiName == "Note_Title")))
                .ToArray();
            if (fields.Length == 0)
            {
                continue;
            }

            foreach (var record in store.Where(r => r.IsLive && fields.Any(f => r.Values[f.Slot] is string)))
            {
                foreach (var field in fields)
                {
                    if (record.Values[field.Slot] is string { Length: > 0 } text)
                    {
                        found.Add((record, field, text));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>True when <paramref name="text"/> holds <paramref name="email"/> as a whole address (any case).</summary>
    public static bool Mentions(string text, string email)
    {
        var key = email.Trim();
        if (key.Length == 0)
        {
            return false;
        }

        for (var at = text.IndexOf(key, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(key, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = at == 0 || !IsAddressChar(text[at - 1]);
            var end = at + key.Length;
            var after = end == text.Length || !IsAddressChar(text[end])
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
