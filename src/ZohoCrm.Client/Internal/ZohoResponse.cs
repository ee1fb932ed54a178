using System.Text.Json;

namespace ZohoCrm.Client;

/// <summary>
/// A successful answer (or one carrying per-record outcomes): the status and the parsed body, none for 204/304. It owns the
/// <see cref="JsonDocument"/>: dispose it once read, after <see cref="JsonElement.Clone"/>-ing whatever is kept.
/// </summary>
internal sealed class ZohoResponse(int status, JsonDocument? document, ZohoRequest request) : IDisposable
{
    public int Status { get; } = status;

    public ZohoRequest Request { get; } = request;

    /// <summary>True for 204/304: no body.</summary>
    public bool IsEmpty => document is null;

    public JsonElement? Root => document?.RootElement;

    /// <summary><c>info.more_records</c>.</summary>
    public bool MoreRecords => Info is JsonElement info && ZohoJson.GetBool(info, "more_records");

    /// <summary><c>info.next_page_token</c> (v3+).</summary>
    public string? NextPageToken => Info is JsonElement info ? ZohoJson.GetString(info, "next_page_token") : null;

    private JsonElement? Info => Root is JsonElement root ? ZohoJson.GetObject(root, "info") : null;

    /// <summary>The array property <paramref name="name"/> of the body, when there is one.</summary>
    public bool TryGetArray(string name, out JsonElement array)
    {
        if (Root is JsonElement root && root.TryGetProperty(name, out array) && array.ValueKind == JsonValueKind.Array)
        {
            return true;
        }

        array = default;
        return false;
    }

    public void Dispose() => document?.Dispose();
}
