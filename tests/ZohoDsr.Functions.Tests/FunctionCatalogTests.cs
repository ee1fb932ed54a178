using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Functions.Http;

namespace ZohoDsr.Functions.Tests;

/// <summary>
/// Every activity, entity and orchestration name has exactly one function, with the trigger Durable expects; every activity's
/// function takes and returns what its typed descriptor (<see cref="DsrActivities"/>) declares.
/// </summary>
public sealed class FunctionCatalogTests
{
    private static readonly IReadOnlyList<MethodInfo> Functions = typeof(DsrHttpFunctions).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
        .ToList();

    public static TheoryData<string> ActivityConstants => Constants(typeof(ActivityNames));

    public static TheoryData<string> OrchestrationConstants => Constants(typeof(OrchestrationNames));

    [Theory]
    [MemberData(nameof(ActivityConstants))]
    public void Function_EachActivityName_HasExactlyOneActivityTriggerTypedLikeItsDescriptor(string name)
    {
        MethodInfo function = Assert.Single(Functions, m => m.GetCustomAttribute<FunctionAttribute>()!.Name == name);
        (Type input, Type output) = DescriptorTypes(name);

        ParameterInfo trigger = Assert.Single(function.GetParameters(), p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);
        Assert.Equal(input, trigger.ParameterType);
        Assert.Equal(typeof(Task<>).MakeGenericType(output), function.ReturnType);
        Assert.Equal(typeof(CancellationToken), function.GetParameters()[^1].ParameterType);

        // The handler Core names for the activity takes the same input and returns the same output.
        Type handler = typeof(ActivityNames).Assembly.GetType($"ZohoDsr.Core.Activities.{name}Handler", throwOnError: true)!;
        MethodInfo handle = handler.GetMethod("HandleAsync")!;
        Assert.Equal(input, handle.GetParameters()[0].ParameterType);
        Assert.Equal(function.ReturnType, handle.ReturnType);
        Assert.Contains(handler, function.DeclaringType!.GetConstructors().Single().GetParameters().Select(p => p.ParameterType));
    }

    [Fact]
    public void Descriptors_EachActivityName_DeclaredExactlyOnce()
    {
        List<string> declared = Descriptors.Select(d => d.Name).ToList();

        Assert.Equal(ConstantValues(typeof(ActivityNames)).Order(StringComparer.Ordinal), declared.Order(StringComparer.Ordinal));
        Assert.All(Descriptors, d => Assert.Equal(typeof(DsrActivity<,>), d.Type.GetGenericTypeDefinition()));
    }

    [Fact]
    public void Function_ActivityNames_AllListedConstantsAreCovered()
        => Assert.Equal(ConstantValues(typeof(ActivityNames)).Order(), ActivityNames.All.Order());

    [Theory]
    [MemberData(nameof(OrchestrationConstants))]
    public void Function_EachOrchestrationName_HasExactlyOneFunction(string name)
        => Assert.Single(Functions, m => m.GetCustomAttribute<FunctionAttribute>()!.Name == name);

    [Fact]
    public void Function_DsrOrchestration_IsAStaticOrchestrationTrigger()
    {
        MethodInfo function = Assert.Single(Functions, m => m.GetCustomAttribute<FunctionAttribute>()!.Name == OrchestrationNames.DsrOrchestration);

        Assert.True(function.IsStatic);
        ParameterInfo[] parameters = function.GetParameters();
        Assert.Equal(2, parameters.Length);
        Assert.NotNull(parameters[0].GetCustomAttribute<OrchestrationTriggerAttribute>());
        Assert.Equal(typeof(DsrOrchestrationInput), parameters[1].ParameterType);
    }

    [Fact]
    public void Function_OrgRateGate_HasExactlyOneEntityTrigger()
    {
        MethodInfo function = Assert.Single(Functions, m => m.GetCustomAttribute<FunctionAttribute>()!.Name == EntityNames.OrgRateGate);

        Assert.NotNull(Assert.Single(function.GetParameters()).GetCustomAttribute<EntityTriggerAttribute>());
    }

    [Fact]
    public void Function_Names_AreUnique()
        => Assert.Equal(Functions.Count, Functions.Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());

    [Theory]
    [InlineData(nameof(DsrHttpFunctions.SubmitDsr), "post", "dsr")]
    [InlineData(nameof(DsrHttpFunctions.GetDsrStatus), "get", "dsr/{requestId}")]
    [InlineData(nameof(DsrHttpFunctions.ApproveDsr), "post", "dsr/{requestId}/approve")]
    [InlineData(nameof(DsrHttpFunctions.RejectDsr), "post", "dsr/{requestId}/reject")]
    [InlineData(nameof(DsrHttpFunctions.CancelDsr), "delete", "dsr/{requestId}")]
    public void Function_HttpRoutes_NeedAFunctionKey(string function, string method, string route)
    {
        MethodInfo http = Assert.Single(Functions, m => m.GetCustomAttribute<FunctionAttribute>()!.Name == function);
        HttpTriggerAttribute trigger = http.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().Single();

        Assert.Equal(AuthorizationLevel.Function, trigger.AuthLevel);
        Assert.Equal([method], trigger.Methods!);
        Assert.Equal(route, trigger.Route);
        Assert.Contains(http.GetParameters(), p => p.GetCustomAttribute<DurableClientAttribute>() is not null);
    }

    /// <summary>Every descriptor of <see cref="DsrActivities"/>: its name and its closed <c>DsrActivity&lt;TInput, TOutput&gt;</c> type.</summary>
    private static IReadOnlyList<(string Name, Type Type)> Descriptors { get; } = typeof(DsrActivities)
        .GetProperties(BindingFlags.Public | BindingFlags.Static)
        .Select(p => p.GetValue(null)!)
        .Select(d => ((string)d.GetType().GetProperty(nameof(DsrActivity<ResolveOrgInput, OrgProfile>.Name))!.GetValue(d)!, d.GetType()))
        .ToList();

    private static (Type Input, Type Output) DescriptorTypes(string name)
    {
        Type[] arguments = Assert.Single(Descriptors, d => d.Name == name).Type.GetGenericArguments();
        return (arguments[0], arguments[1]);
    }

    private static TheoryData<string> Constants(Type type)
    {
        TheoryData<string> data = [];
        foreach (string value in ConstantValues(type))
        {
            data.Add(value);
        }

        return data;
    }

    private static List<string> ConstantValues(Type type)
        => type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
}
