using ZohoCrm.Client;

namespace ZohoDsr.Core.Activities;

/// <summary>The only test of "this record is the subject's": an email field equal to the email, trimmed, case-insensitively.</summary>
internal static class EmailMatch
{
    public static bool Equal(string? value, string email)
        => value is not null && string.Equals(value.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>True when any of <paramref name="fields"/> of the record equals the email exactly (trimmed, case-insensitive).</summary>
    public static bool AnyField(ZohoRecord record, IEnumerable<string> fields, string email)
        => fields.Any(f => Equal(record.GetString(f), email));
}
