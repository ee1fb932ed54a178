using System.Text.Json;

namespace ZohoDsr.Core.Http;

/// <summary>
/// The OpenAPI 3.1 document of the HTTP contract (<c>Http/openapi.json</c>, embedded): every route of both hosts, the
/// signature headers, problem details, the function key, and the callback's body as a webhook. Tests check it against
/// both hosts' route tables and validate real serialised answers against its schemas, so it cannot drift from the code.
/// </summary>
public static class DsrOpenApi
{
    /// <summary>The resource name of the embedded document.</summary>
    public const string ResourceName = "ZohoDsr.Core.Http.openapi.json";

    private static readonly Lazy<JsonElement> Loaded = new(Load);

    /// <summary>The document, parsed once.</summary>
    public static JsonElement Document => Loaded.Value;

    private static JsonElement Load()
    {
        using Stream stream = typeof(DsrOpenApi).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The OpenAPI document ({ResourceName}) is not embedded.");
        using JsonDocument document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }
}
