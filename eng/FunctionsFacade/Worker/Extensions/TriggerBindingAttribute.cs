namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

[AttributeUsage(AttributeTargets.Parameter)]
public abstract class TriggerBindingAttribute : BindingAttribute
{
}
