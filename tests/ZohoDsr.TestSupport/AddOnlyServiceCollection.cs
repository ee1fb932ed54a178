using System.Collections;
using Microsoft.Extensions.DependencyInjection;

namespace ZohoDsr.TestSupport;

/// <summary>
/// A service collection that registrations may only be added to: removing or replacing one (<c>RemoveAll</c>,
/// <c>Replace</c>, <c>Clear</c>) throws, naming the service. Shows that a registration method removes nothing.
/// </summary>
public sealed class AddOnlyServiceCollection : IServiceCollection
{
    private readonly List<ServiceDescriptor> _descriptors = [];

    public int Count => _descriptors.Count;

    public bool IsReadOnly => false;

    public ServiceDescriptor this[int index]
    {
        get => _descriptors[index];
        set => throw Removal(_descriptors[index]);
    }

    public void Add(ServiceDescriptor item) => _descriptors.Add(item);

    public void Insert(int index, ServiceDescriptor item) => _descriptors.Insert(index, item);

    public bool Contains(ServiceDescriptor item) => _descriptors.Contains(item);

    public int IndexOf(ServiceDescriptor item) => _descriptors.IndexOf(item);

    public void CopyTo(ServiceDescriptor[] array, int arrayIndex) => _descriptors.CopyTo(array, arrayIndex);

    public IEnumerator<ServiceDescriptor> GetEnumerator() => _descriptors.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Remove(ServiceDescriptor item) => throw Removal(item);

    public void RemoveAt(int index) => throw Removal(_descriptors[index]);

    public void Clear() => throw new InvalidOperationException("Registrations were cleared.");

    private static InvalidOperationException Removal(ServiceDescriptor descriptor)
        => new($"The registration of {descriptor.ServiceType.FullName} was removed or replaced.");
}
