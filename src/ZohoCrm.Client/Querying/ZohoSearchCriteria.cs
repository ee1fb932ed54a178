namespace ZohoCrm.Client;

/// <summary>
/// Search API criteria <c>(Field:operator:value)</c> combined with <c>and</c>/<c>or</c> (at most 10 conditions), with values
/// escaped as Zoho documents: <c>(</c>, <c>)</c>, <c>,</c> get a backslash, a trailing backslash is doubled; the client
/// URL-encodes the result. Remember Zoho's <c>equals</c> behaves like "contains": filter results exactly.
/// </summary>
public sealed class ZohoSearchCriteria
{
    private ZohoSearchCriteria(string text)
    {
        Text = text;
    }

    /// <summary>The criteria text, before URL encoding.</summary>
    public string Text { get; }

    /// <summary><c>(field:equals:value)</c>.</summary>
    public static ZohoSearchCriteria EqualTo(string field, string value) => throw new NotImplementedException();

    /// <summary><c>(field:starts_with:value)</c>.</summary>
    public static ZohoSearchCriteria StartsWith(string field, string value) => throw new NotImplementedException();

    /// <summary><c>(a)or(b)</c>.</summary>
    public ZohoSearchCriteria Or(ZohoSearchCriteria other) => throw new NotImplementedException();

    /// <summary><c>(a)and(b)</c>.</summary>
    public ZohoSearchCriteria And(ZohoSearchCriteria other) => throw new NotImplementedException();

    /// <inheritdoc />
    public override string ToString() => Text;
}
