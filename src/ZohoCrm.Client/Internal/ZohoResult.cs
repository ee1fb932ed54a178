using System.Text.Json;

namespace ZohoCrm.Client;

/// <summary>A successful (or per-record) answer: the status and the parsed JSON body, absent for 204/304.</summary>
internal readonly record struct ZohoResult(int Status, JsonElement? Root)
{
    public bool IsEmpty => Root is null;

    /// <summary>The <c>data</c> array, or an empty enumeration when the body has none.</summary>
    public bool TryGetArray(string name, out JsonElement array)
    {
        if (Root is JsonElement root && root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty(name, out array) && array.ValueKind == JsonValueKind.Array)
        {
            return true;
        }

        array = default;
        return false;
    }
}
