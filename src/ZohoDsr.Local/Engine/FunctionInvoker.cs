using System.Reflection;

namespace ZohoDsr.Local.Engine;

/// <summary>Calls a function's method and awaits what it returns (<see cref="Task"/>, <see cref="Task{TResult}"/> or a value).</summary>
internal static class FunctionInvoker
{
    /// <summary>
    /// Invokes <paramref name="method"/>; exceptions surface as thrown (not wrapped). The await keeps the caller's
    /// scheduler: an orchestrator's continuations must run on the engine's orchestration thread.
    /// </summary>
    public static async Task<object?> InvokeAsync(MethodInfo method, object? target, object?[] arguments)
    {
        object? returned = method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        if (returned is not Task task)
        {
            return returned;
        }

        await task.ConfigureAwait(true);
        Type declared = method.ReturnType;
        return declared.IsGenericType && declared.GetGenericTypeDefinition() == typeof(Task<>)
            ? declared.GetProperty(nameof(Task<object>.Result))!.GetValue(task)
            : null;
    }
}
