using System.Text.Json;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Core.Tests.Replay;

/// <summary>Serialisation of recorded inputs and results (the HTTP contract's settings: enums as strings, camelCase).</summary>
internal static class ReplayJson
{
    public static string Write(object? value) => value is null ? "null" : JsonSerializer.Serialize(value, value.GetType(), DsrJson.Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, DsrJson.Options)!;
}
