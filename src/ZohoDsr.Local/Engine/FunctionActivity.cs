using Microsoft.DurableTask;

namespace ZohoDsr.Local.Engine;

/// <summary>
/// An <c>[ActivityTrigger]</c> function as the SDK's <see cref="ITaskActivity"/>: its class comes from a service scope
/// per call (as the Functions worker makes it per invocation), its cancellation token is the engine's stop.
/// </summary>
internal sealed class FunctionActivity(DurableFunction function, IServiceProvider services, CancellationToken stopping) : ITaskActivity
{
    public Type InputType => function.InputType;

    public Type OutputType => function.OutputType;

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        AsyncServiceScope scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            object? target = function.Method.IsStatic
                ? null
                : ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, function.Method.DeclaringType!);
            object?[] arguments = [.. function.Method.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? (object?)stopping : input)];
            return await FunctionInvoker.InvokeAsync(function.Method, target, arguments).ConfigureAwait(false);
        }
    }
}
