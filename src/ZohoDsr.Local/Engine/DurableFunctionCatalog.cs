using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace ZohoDsr.Local.Engine;

/// <summary>
/// The durable functions of an Azure Functions app, read from the same attributes the Functions host reads
/// (<c>[Function]</c> with <c>[OrchestrationTrigger]</c>, <c>[ActivityTrigger]</c> or <c>[EntityTrigger]</c>): the one
/// list both hosts run, so a function added to the app runs locally with no second registration. A shape the local host
/// cannot run (a binding it has no value for) fails here, naming the function, instead of at the first call.
/// </summary>
public static class DurableFunctionCatalog
{
    /// <summary>Every durable function declared in <paramref name="assembly"/>, ordered by name.</summary>
    public static IReadOnlyList<DurableFunction> Read(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var functions = new List<DurableFunction>();
        foreach (Type type in assembly.GetTypes())
        {
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is { } function && Describe(function.Name, method) is { } durable)
                {
                    functions.Add(durable);
                }
            }
        }

        return [.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    private static DurableFunction? Describe(string name, MethodInfo method)
    {
        ParameterInfo[] parameters = method.GetParameters();
        if (parameters.Any(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null))
        {
            return Orchestration(name, method, parameters);
        }

        if (parameters.FirstOrDefault(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null) is { } activityTrigger)
        {
            return Activity(name, method, parameters, activityTrigger);
        }

        if (parameters.Any(p => p.GetCustomAttribute<EntityTriggerAttribute>() is not null))
        {
            return Entity(name, method);
        }

        return null; // HTTP and timer functions: the local host serves those itself.
    }

    /// <summary>A <see cref="TaskOrchestrationContext"/> and, optionally, one input parameter without a binding.</summary>
    private static DurableFunction Orchestration(string name, MethodInfo method, ParameterInfo[] parameters)
    {
        if (parameters[0].ParameterType != typeof(TaskOrchestrationContext))
        {
            throw Unsupported(name, "its first parameter must be the [OrchestrationTrigger] TaskOrchestrationContext");
        }

        if (parameters.Length > 2 || parameters.Skip(1).Any(p => p.GetCustomAttributes<BindingAttribute>().Any()))
        {
            throw Unsupported(name, "an orchestrator takes the context and at most one input parameter");
        }

        Type input = parameters.Length == 2 ? parameters[1].ParameterType : typeof(object);
        return new DurableFunction(name, DurableFunctionKind.Orchestration, method, input, ResultType(name, method));
    }

    /// <summary>The <c>[ActivityTrigger]</c> input and, optionally, a <see cref="CancellationToken"/>.</summary>
    private static DurableFunction Activity(string name, MethodInfo method, ParameterInfo[] parameters, ParameterInfo trigger)
    {
        if (parameters.Any(p => p != trigger && p.ParameterType != typeof(CancellationToken)))
        {
            throw Unsupported(name, "an activity takes its [ActivityTrigger] input and at most a CancellationToken");
        }

        return new DurableFunction(name, DurableFunctionKind.Activity, method, trigger.ParameterType, ResultType(name, method));
    }

    /// <summary>The function's own class is the entity (<c>dispatcher.DispatchAsync&lt;TheClass&gt;()</c>).</summary>
    private static DurableFunction Entity(string name, MethodInfo method)
    {
        Type entity = method.DeclaringType!;
        if (!typeof(ITaskEntity).IsAssignableFrom(entity) || entity.IsAbstract)
        {
            throw Unsupported(name, $"the entity function must be declared on its entity class (an {nameof(ITaskEntity)}) and dispatch to it");
        }

        return new DurableFunction(name, DurableFunctionKind.Entity, method, typeof(object), typeof(object));
    }

    private static Type ResultType(string name, MethodInfo method)
    {
        Type returned = method.ReturnType;
        if (returned == typeof(Task) || returned == typeof(void))
        {
            return typeof(object);
        }

        if (returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return returned.GetGenericArguments()[0];
        }

        return returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(ValueTask<>)
            ? throw Unsupported(name, "return Task or Task<T>")
            : returned;
    }

    private static InvalidOperationException Unsupported(string name, string rule)
        => new($"The durable function '{name}' cannot run on the local host: {rule}.");
}
