using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class EntityTriggerAttribute : TriggerBindingAttribute
{
    public string? EntityName { get; set; }
}
