using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZohoDsr.Core.Http;

/// <summary>The JSON settings of the HTTP contract: camelCase, enums as strings, nulls omitted.</summary>
public static class DsrJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
