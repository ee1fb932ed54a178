using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Microsoft.DurableTask.Entities;

// RunAsync is not virtual in the real type, so tests drive an entity through it: the dispatch below follows the documented
// rules (case-insensitive public instance method by operation name; a TaskEntityContext parameter gets the context, any
// other parameter is the input; awaitables unwrapped; state saved after the call; implicit "delete").
public abstract class TaskEntity<TState> : ITaskEntity
{
    protected virtual bool AllowStateDispatch => false;

    protected TState State { get; set; } = default!;

    protected TaskEntityContext Context { get; private set; } = null!;

    public async ValueTask<object?> RunAsync(TaskEntityOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        Context = operation.Context;
        State = operation.State.HasState && operation.State.GetState(typeof(TState)) is TState stored
            ? stored
            : InitializeState(operation);

        object target = this;
        MethodInfo? method = GetType().GetMethod(operation.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (method is null && AllowStateDispatch && State is not null)
        {
            target = State;
            method = State.GetType().GetMethod(operation.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        }

        if (method is null)
        {
            if (string.Equals(operation.Name, "delete", StringComparison.OrdinalIgnoreCase))
            {
                State = default!;
                operation.State.SetState(null);
                return null;
            }

            throw new NotSupportedException($"No suitable method found for entity operation '{operation}'.");
        }

        object? result;
        try
        {
            result = method.Invoke(target, BindParameters(method, operation));
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        result = await UnwrapAsync(result).ConfigureAwait(false);
        operation.State.SetState(State);
        return result;
    }

    protected virtual TState InitializeState(TaskEntityOperation entityOperation)
    {
        Type type = Nullable.GetUnderlyingType(typeof(TState)) ?? typeof(TState);
        return (TState)Activator.CreateInstance(type)!;
    }

    private object?[] BindParameters(MethodInfo method, TaskEntityOperation operation)
    {
        ParameterInfo[] parameters = method.GetParameters();
        object?[] values = new object?[parameters.Length];
        bool contextBound = false;
        bool inputBound = false;
        for (int i = 0; i < parameters.Length; i++)
        {
            ParameterInfo parameter = parameters[i];
            if (parameter.ParameterType == typeof(TaskEntityContext))
            {
                if (contextBound)
                {
                    throw new InvalidOperationException($"Entity operation '{operation}' binds the context twice.");
                }

                contextBound = true;
                values[i] = Context;
                continue;
            }

            if (inputBound)
            {
                throw new InvalidOperationException($"Entity operation '{operation}' has more than one input parameter.");
            }

            inputBound = true;
            if (operation.HasInput)
            {
                values[i] = operation.GetInput(parameter.ParameterType);
            }
            else if (parameter.HasDefaultValue)
            {
                values[i] = parameter.DefaultValue;
            }
            else
            {
                throw new InvalidOperationException($"Entity operation '{operation}' expects an input of type {parameter.ParameterType}.");
            }
        }

        return values;
    }

    private static async Task<object?> UnwrapAsync(object? result)
    {
        switch (result)
        {
            case Task task:
                await task.ConfigureAwait(false);
                Type type = task.GetType();
                return type.IsGenericType && type.GetProperty("Result") is { } property && property.PropertyType.Name != "VoidTaskResult"
                    ? property.GetValue(task)
                    : null;
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                return null;
            default:
                if (result is not null && result.GetType() is { IsGenericType: true } valueType
                    && valueType.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    Task asTask = (Task)valueType.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(result, null)!;
                    return await UnwrapAsync(asTask).ConfigureAwait(false);
                }

                return result;
        }
    }
}
