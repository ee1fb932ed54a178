namespace Microsoft.DurableTask;

public abstract class DataConverter
{
    public abstract string? Serialize(object? value);

    public abstract object? Deserialize(string? data, Type targetType);

    public virtual T? Deserialize<T>(string? data) => (T?)(Deserialize(data, typeof(T)) ?? default(T));
}
