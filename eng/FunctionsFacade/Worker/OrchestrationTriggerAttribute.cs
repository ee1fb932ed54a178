using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class OrchestrationTriggerAttribute : TriggerBindingAttribute
{
    public string? Orchestration { get; set; }
}
