using System.Globalization;
using System.Text.Json;

namespace ZohoCrm.Client;

/// <summary>
/// Tolerant readers for Zoho's JSON (numbers sometimes arrive as strings and the reverse): a missing value, a value of the
/// wrong type or a string that is not valid UTF-8 reads as absent, never as an exception.
/// </summary>
internal static class ZohoJson
{
    /// <summary>
    /// Parses a body that should be a JSON object; null when it is empty, not JSON, nested past 64 levels or not an object.
    /// The caller disposes the document (it rents pooled buffers) and <see cref="JsonElement.Clone"/>s whatever it keeps.
    /// </summary>
    public static JsonDocument? ParseObject(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            return document;
        }

        document.Dispose();
        return null;
    }

    public static string? GetString(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => TextOf(value),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    /// <summary>A string value, or null when its bytes are not valid UTF-8 (which <see cref="JsonDocument"/> does not check).</summary>
    public static string? TextOf(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public static bool GetBool(JsonElement element, string name, bool fallback = false)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out JsonElement value))
        {
            return fallback;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(TextOf(value), out bool parsed) => parsed,
            _ => fallback,
        };
    }

    public static long? GetInt64(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double real))
        {
            return (long)real;
        }

        return value.ValueKind == JsonValueKind.String
            && long.TryParse(TextOf(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) ? parsed : null;
    }

    public static JsonElement? GetObject(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value)
            && value.ValueKind == JsonValueKind.Object ? value : null;

    public static DateTimeOffset? GetDateTime(JsonElement element, string name)
        => GetString(element, name) is string text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset value) ? value : null;
}
