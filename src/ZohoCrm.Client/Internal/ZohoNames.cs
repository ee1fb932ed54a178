using System.Text.RegularExpressions;

namespace ZohoCrm.Client;

/// <summary>Checks of API names (modules, fields, related lists) and record ids before they go into a URL or a query.</summary>
internal static partial class ZohoNames
{
    public static bool IsValid(string? name) => name is not null && ApiNamePattern().IsMatch(name);

    public static void Validate(string? name, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, paramName);
        if (!ApiNamePattern().IsMatch(name))
        {
            throw new ArgumentException(
                "A Zoho API name starts with a letter and holds only letters, digits, '_', '$' and '.'.",
                paramName);
        }
    }

    public static bool IsRecordId(string id) => id.Length is > 0 and <= 32 && id.All(char.IsAsciiDigit);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_$.]*$")]
    private static partial Regex ApiNamePattern();
}
