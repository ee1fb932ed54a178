using System.Text.Json;

namespace ZohoCrm.Client;

/// <summary>One CRM record as Zoho returned it: every field, unchanged, plus typed accessors for the few the workflow reads.</summary>
/// <param name="Id">The record id (a string of digits; never parse it as a number).</param>
/// <param name="Data">The record's JSON object as returned.</param>
public sealed record ZohoRecord(string Id, JsonElement Data)
{
    /// <summary>A string field's value, or null when absent, null, not a string or not valid UTF-8.</summary>
    public string? GetString(string field)
        => Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(field, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? ZohoJson.TextOf(value)
            : null;

    /// <summary>A lookup field's <c>id</c> (<c>{"name": ..., "id": ...}</c>), or null.</summary>
    public string? GetLookupId(string field)
        => Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(field, out JsonElement value) && value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String ? ZohoJson.TextOf(id) : null;
}
