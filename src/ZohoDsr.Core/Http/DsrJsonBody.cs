using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Http;

/// <summary>The pieces every JSON body reader of the contract shares: parsing, the field checks, typed reads naming the field.</summary>
internal static class DsrJsonBody
{
    /// <summary>Parses the body; returns the syntax problem (naming line and byte) or null.</summary>
    public static string? Parse(ReadOnlyMemory<byte> body, out JsonDocument? document)
    {
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
            return null;
        }
        catch (JsonException ex)
        {
            document = null;
            return $"The body is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}).";
        }
    }

    /// <summary>Adds an error for each property that is not one of <paramref name="known"/> or that appears more than once.</summary>
    public static void CheckFields(JsonElement parent, IReadOnlyCollection<string> known, string? path, List<DsrValidationError> errors)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (JsonProperty property in parent.EnumerateObject())
        {
            string field = path is null ? property.Name : $"{path}.{property.Name}";
            if (!known.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new(field, $"{field} is not a field of this body (fields: {string.Join(", ", known)})."));
            }
            else if (!seen.Add(property.Name))
            {
                errors.Add(new(field, $"{field} is given more than once."));
            }
        }
    }

    public static bool TryGet(JsonElement parent, string name, out JsonElement value)
    {
        foreach (JsonProperty property in parent.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return value.ValueKind != JsonValueKind.Null;
            }
        }

        value = default;
        return false;
    }

    public static string? ReadString(JsonElement parent, string name, List<DsrValidationError> errors, string? path = null)
    {
        if (!TryGet(parent, name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(path ?? name, $"{path ?? name} must be a string."));
            return null;
        }

        return value.GetString();
    }

    /// <summary>An ISO 8601 date and time that names its offset (<c>Z</c> or <c>±hh:mm</c>).</summary>
    public static bool TryParseTime(string text, out DateTimeOffset time)
    {
        string trimmed = text.Trim();
        bool hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z')
            || (trimmed.Length > 6 && trimmed[^6] is '+' or '-' && trimmed[^3] == ':');
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out time) && hasOffset && trimmed.Contains('T', StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Groups validation errors by field, as problem details carry them.</summary>
    public static Dictionary<string, string[]> ToErrors(IEnumerable<DsrValidationError> errors)
        => errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);

    /// <summary>True for a string a person would call free text: no control or invisible formatting characters.</summary>
    public static bool IsPlainText([NotNullWhen(true)] string? text)
        => text is not null && text.EnumerateRunes().All(r => !SubjectEmail.IsControlOrFormat(r));
}
