using System.Text.Json;

namespace ZohoDsr.Infra.Tests;

/// <summary>Navigation helpers over ARM JSON.</summary>
public static class JsonElementExtensions
{
    /// <summary>The element at a path of property names; fails naming the path when a step is missing.</summary>
    public static JsonElement At(this JsonElement element, params string[] path)
    {
        var current = element;
        for (var i = 0; i < path.Length; i++)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(path[i], out current))
            {
                throw new KeyNotFoundException($"No '{string.Join('.', path[..(i + 1)])}' in {Abbreviate(element)}");
            }
        }

        return current;
    }

    /// <summary>The element at a path, or null when a step is missing.</summary>
    public static JsonElement? Find(this JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    public static string Text(this JsonElement element, params string[] path) =>
        element.At(path).GetString() ?? throw new InvalidOperationException($"'{string.Join('.', path)}' is null.");

    /// <summary>Every property name and string value in the element, at any depth.</summary>
    public static IEnumerable<(string Name, JsonElement Value)> Descendants(this JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    yield return (property.Name, property.Value);
                    foreach (var descendant in property.Value.Descendants())
                    {
                        yield return descendant;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var descendant in item.Descendants())
                    {
                        yield return descendant;
                    }
                }

                break;
        }
    }

    private static string Abbreviate(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), "...");
    }
}
