using System.Text.Json;

namespace ZohoDsr.Infra.Tests;

/// <summary>
/// What <c>bicep snapshot</c> predicts a deployment of main.bicep with given parameters creates: every resource
/// with its properties evaluated (values known only at deployment time stay as expressions), and the outputs.
/// </summary>
public sealed class DeploymentSnapshot(JsonElement root)
{
    public IReadOnlyList<JsonElement> Resources { get; } = root.At("predictedResources").EnumerateArray().ToList();

    public JsonElement Outputs { get; } = root.At("outputs");

    public IReadOnlyList<JsonElement> Diagnostics { get; } = root.At("diagnostics").EnumerateArray().ToList();

    public IReadOnlyList<JsonElement> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Text("type"), type, StringComparison.OrdinalIgnoreCase)).ToList();

    public JsonElement Single(string type)
    {
        var matches = OfType(type);
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"Expected one {type}, found {matches.Count}.");
    }

    public JsonElement Single(string type, string name) =>
        OfType(type).Single(r => r.Text("name") == name);

    /// <summary>The function app's application settings, as the deployment writes them.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings =>
        Single("Microsoft.Web/sites/config").At("properties").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText());
}
