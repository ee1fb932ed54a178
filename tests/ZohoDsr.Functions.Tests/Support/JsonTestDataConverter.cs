using System.Text.Json;
using Microsoft.DurableTask;

namespace ZohoDsr.Functions.Tests.Support;

/// <summary>A System.Text.Json <see cref="DataConverter"/> like the one the worker gives Durable (web defaults).</summary>
internal sealed class JsonTestDataConverter : DataConverter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static JsonTestDataConverter Instance { get; } = new();

    public override string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    public override object? Deserialize(string? data, Type targetType) => data is null ? null : JsonSerializer.Deserialize(data, targetType, Options);
}
