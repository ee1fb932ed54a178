using Microsoft.DurableTask;

namespace ZohoDsr.Local.Engine;

/// <summary>
/// An <c>[OrchestrationTrigger]</c> function as the SDK's <see cref="ITaskOrchestrator"/>: the shim deserialises the
/// input as the function's input parameter type and hands it over with the orchestration context.
/// </summary>
internal sealed class FunctionOrchestrator(DurableFunction function, IServiceProvider services) : ITaskOrchestrator
{
    public Type InputType => function.InputType;

    public Type OutputType => function.OutputType;

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        object? target = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, function.Method.DeclaringType!);
        object?[] arguments = function.Method.GetParameters().Length == 2 ? [context, input] : [context];
        return FunctionInvoker.InvokeAsync(function.Method, target, arguments);
    }
}
