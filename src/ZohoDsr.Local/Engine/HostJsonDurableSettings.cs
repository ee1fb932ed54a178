using System.Globalization;
using System.Text.Json;

namespace ZohoDsr.Local.Engine;

/// <summary>
/// The Durable settings of the Functions app's <c>host.json</c> (<c>extensions.durableTask</c>) that the local host runs
/// with too: the task hub name (with <c>%AppSetting%</c> references resolved as the Functions host resolves them), the
/// partition count and the concurrency limits.
/// </summary>
public sealed record HostJsonDurableSettings(string? HubName, int PartitionCount, int MaxConcurrentActivities, int MaxConcurrentOrchestrations, int MaxConcurrentEntities)
{
    public const string FileName = "host.json";

    /// <summary>Durable's defaults where host.json is silent.</summary>
    public static HostJsonDurableSettings Default { get; } = new(null, 4, 10, 5, 10);

    /// <summary>Reads <paramref name="path"/>; a missing file gives <see cref="Default"/>.</summary>
    public static HostJsonDurableSettings Read(string path)
    {
        if (!File.Exists(path))
        {
            return Default;
        }

        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("extensions", out JsonElement extensions) || !extensions.TryGetProperty("durableTask", out JsonElement durable))
        {
            return Default;
        }

        JsonElement storage = durable.TryGetProperty("storageProvider", out JsonElement provider) ? provider : default;
        return new HostJsonDurableSettings(
            durable.TryGetProperty("hubName", out JsonElement hub) ? hub.GetString() : null,
            Int(storage, "partitionCount") ?? Default.PartitionCount,
            Int(durable, "maxConcurrentActivityFunctions") ?? Default.MaxConcurrentActivities,
            Int(durable, "maxConcurrentOrchestratorFunctions") ?? Default.MaxConcurrentOrchestrations,
            Int(durable, "maxConcurrentEntityFunctions") ?? Default.MaxConcurrentEntities);
    }

    /// <summary>
    /// The task hub name: host.json's <c>hubName</c> with each <c>%Name%</c> replaced by the setting <c>Name</c> (with
    /// <c>__</c> read as the configuration separator), or <paramref name="fallback"/> where host.json names none or a
    /// setting is missing.
    /// </summary>
    public string ResolveHubName(IConfiguration configuration, string fallback)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(HubName))
        {
            return fallback;
        }

        string[] parts = HubName.Split('%');
        var resolved = new System.Text.StringBuilder();
        for (int i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 0)
            {
                resolved.Append(parts[i]);
            }
            else if (configuration[parts[i].Replace("__", ":", StringComparison.Ordinal)] is { Length: > 0 } value)
            {
                resolved.Append(value);
            }
            else
            {
                return fallback;
            }
        }

        return resolved.ToString();
    }

    private static int? Int(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value)
            ? value.ValueKind == JsonValueKind.Number ? value.GetInt32() : int.Parse(value.GetString()!, CultureInfo.InvariantCulture)
            : null;
}
