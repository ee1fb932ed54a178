using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Functions.Http;

namespace ZohoDsr.Functions.Tests;

/// <summary>Every activity, entity and orchestration name has exactly one function, with the trigger Durable expects.</summary>
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
    public void Function_EachActivityName_HasExactlyOneActivityTrigger(string name)
    {
        MethodInfo function = Assert.Single(Functions, m => m.GetCustomAttribute<FunctionAttribute>()!.Name == name);

        ParameterInfo trigger = Assert.Single(function.GetParameters(), p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);
        Assert.Equal(typeof(CancellationToken), function.GetParameters()[^1].ParameterType);

        // The handler Core names for the activity takes the same input and returns the same output.
        Type handler = typeof(ActivityNames).Assembly.GetType($"ZohoDsr.Core.Activities.{name}Handler", throwOnError: true)!;
        MethodInfo handle = handler.GetMethod("HandleAsync")!;
        Assert.Equal(handle.GetParameters()[0].ParameterType, trigger.ParameterType);
        Assert.Equal(handle.ReturnType, function.ReturnType);
        Assert.Contains(handler, function.DeclaringType!.GetConstructors().Single().GetParameters().Select(p => p.ParameterType));
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
