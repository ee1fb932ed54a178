using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ActivityTriggerAttribute : TriggerBindingAttribute
{
    public string? Activity { get; set; }
}
