using System.Reflection;
using System.Text.Json;

namespace ZohoCrm.Client.Tests;

/// <summary>
/// How many bytes of JSON back an element: the UTF-8 buffer of the document it belongs to. A record cloned out of its page
/// is backed by its own bytes; one that still points into the page is backed by the whole page.
/// </summary>
internal static class JsonBacking
{
    private static readonly FieldInfo Parent = typeof(JsonElement).GetField("_parent", BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new InvalidOperationException("JsonElement._parent not found: the runtime changed.");

    private static readonly FieldInfo Utf8Json = typeof(JsonDocument).GetField("_utf8Json", BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new InvalidOperationException("JsonDocument._utf8Json not found: the runtime changed.");

    public static int BytesOf(JsonElement element)
    {
        var document = (JsonDocument)Parent.GetValue(element)!;
        return ((ReadOnlyMemory<byte>)Utf8Json.GetValue(document)!).Length;
    }
}
