using System.Text;

namespace ZohoCrm.Client;

/// <summary>
/// Search API criteria <c>(Field:operator:value)</c> combined with <c>and</c>/<c>or</c> (at most 10 conditions), with values
/// escaped as Zoho documents: <c>(</c>, <c>)</c>, <c>,</c> get a backslash, a trailing backslash is doubled; the client
/// URL-encodes the result. Remember Zoho's <c>equals</c> behaves like "contains": filter results exactly.
/// </summary>
public sealed class ZohoSearchCriteria
{
    /// <summary>Conditions per criteria (Zoho's maximum).</summary>
    public const int MaxConditions = 10;

    private ZohoSearchCriteria(string text, int conditionCount)
    {
        Text = text;
        ConditionCount = conditionCount;
    }

    /// <summary>The criteria text, before URL encoding.</summary>
    public string Text { get; }

    /// <summary>The number of simple conditions.</summary>
    public int ConditionCount { get; }

    /// <summary><c>(field:equals:value)</c>.</summary>
    public static ZohoSearchCriteria EqualTo(string field, string value) => Condition(field, "equals", value);

    /// <summary><c>(field:starts_with:value)</c>.</summary>
    public static ZohoSearchCriteria StartsWith(string field, string value) => Condition(field, "starts_with", value);

    /// <summary><c>(a)or(b)</c>.</summary>
    public ZohoSearchCriteria Or(ZohoSearchCriteria other) => Combine("or", other);

    /// <summary><c>(a)and(b)</c>.</summary>
    public ZohoSearchCriteria And(ZohoSearchCriteria other) => Combine("and", other);

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>
    /// Escapes a value: <c>(</c>, <c>)</c>, <c>,</c> get a backslash first; a backslash that ends the value is doubled, and
    /// so is one standing before <c>(</c>, <c>)</c> or <c>,</c> (else <c>a\)</c> would become <c>a\\)</c>: a literal
    /// backslash, then a bracket that closes the condition).
    /// </summary>
    internal static string Escape(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c is '(' or ')' or ',')
            {
                text.Append('\\');
            }
            else if (c == '\\' && (i == value.Length - 1 || value[i + 1] is '(' or ')' or ','))
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }

    private static ZohoSearchCriteria Condition(string field, string op, string value)
    {
        ZohoNames.Validate(field, nameof(field));
        ArgumentException.ThrowIfNullOrEmpty(value);
        return new ZohoSearchCriteria($"({field}:{op}:{Escape(value)})", 1);
    }

    private ZohoSearchCriteria Combine(string op, ZohoSearchCriteria other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int count = ConditionCount + other.ConditionCount;
        if (count > MaxConditions)
        {
            throw new ArgumentException($"Zoho search criteria allow at most {MaxConditions} conditions; this would hold {count}.", nameof(other));
        }

        return new ZohoSearchCriteria($"({Text}{op}{other.Text})", count);
    }
}
