using System.Reflection;

namespace ZohoDsr.Local.Engine;

/// <summary>
/// One durable function of the Functions app, as its <c>[Function]</c> method declares it: the name the engine schedules
/// it by, its kind, the method, and the types its input and output are (de)serialised as.
/// </summary>
public sealed record DurableFunction(string Name, DurableFunctionKind Kind, MethodInfo Method, Type InputType, Type OutputType)
{
    public override string ToString() => $"{Kind} {Name} ({Method.DeclaringType?.Name}.{Method.Name})";
}
