using DurableTask.Core.Serializing;

namespace ZohoDsr.Local.Engine;

/// <summary>
/// The Durable Task Framework client's serialiser, over the SDK's: orchestration inputs and event payloads written by
/// <see cref="DurableTask.Core.TaskHubClient"/> must read back exactly as the worker's shims deserialise them.
/// </summary>
internal sealed class SystemTextJsonDataConverter(Microsoft.DurableTask.DataConverter inner) : DataConverter
{
    public override string Serialize(object value) => inner.Serialize(value)!;

    public override string Serialize(object value, bool formatted) => inner.Serialize(value)!;

    public override object Deserialize(string data, Type objectType) => inner.Deserialize(data, objectType)!;
}
