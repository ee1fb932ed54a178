namespace Microsoft.DurableTask.Entities;

public readonly record struct EntityInstanceId
{
    public EntityInstanceId(string name, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException("Entity names may not contain '@'.", nameof(name));
        }

        ArgumentNullException.ThrowIfNull(key);
        Name = name.ToLowerInvariant();
        Key = key;
    }

    public string Name { get; }

    public string Key { get; }

    public override string ToString() => $"@{Name}@{Key}";
}
