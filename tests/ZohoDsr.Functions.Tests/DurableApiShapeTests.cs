using System.Reflection;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Entities;

namespace ZohoDsr.Functions.Tests;

/// <summary>
/// The shapes the adapters and their tests rely on, checked on whichever assembly is referenced (the real packages or the
/// compile-time facade): a test double that works against one must work against the other.
/// </summary>
public sealed class DurableApiShapeTests
{
    [Fact]
    public void WaitForExternalEvent_WithTimeout_IsNotVirtual()
    {
        MethodInfo method = typeof(TaskOrchestrationContext).GetMethods()
            .Single(m => m.Name == nameof(TaskOrchestrationContext.WaitForExternalEvent)
                && m.GetParameters().Select(p => p.ParameterType).SequenceEqual([typeof(string), typeof(TimeSpan)]));

        Assert.False(method.IsVirtual);
    }

    [Fact]
    public void CreateTimer_AtATime_IsAbstract()
    {
        MethodInfo method = typeof(TaskOrchestrationContext).GetMethod(nameof(TaskOrchestrationContext.CreateTimer), [typeof(DateTime), typeof(CancellationToken)])!;

        Assert.True(method.IsAbstract);
    }

    [Fact]
    public void CreateTimer_AfterADelay_IsVirtual()
    {
        MethodInfo method = typeof(TaskOrchestrationContext).GetMethod(nameof(TaskOrchestrationContext.CreateTimer), [typeof(TimeSpan), typeof(CancellationToken)])!;

        Assert.True(method.IsVirtual);
        Assert.False(method.IsAbstract);
    }

    [Fact]
    public void RunAsync_TaskEntity_CannotBeOverridden()
    {
        // It implements ITaskEntity.RunAsync, so the IL marks it virtual; C# sees it as non-virtual when it is also final.
        MethodInfo run = typeof(TaskEntity<int>).GetMethod(nameof(TaskEntity<int>.RunAsync))!;

        Assert.True(!run.IsVirtual || run.IsFinal);
    }

    [Fact]
    public void GetInstanceAsync_DurableTaskClient_IsVirtualOverAbstractGetInstancesAsync()
    {
        Type[] parameters = [typeof(string), typeof(bool), typeof(CancellationToken)];

        Assert.True(typeof(DurableTaskClient).GetMethod(nameof(DurableTaskClient.GetInstanceAsync), parameters)!.IsVirtual);
        Assert.True(typeof(DurableTaskClient).GetMethod(nameof(DurableTaskClient.GetInstancesAsync), parameters)!.IsAbstract);
    }

    [Fact]
    public void ScheduleNewOrchestrationInstanceAsync_FullOverload_IsAbstractWithCancellationLast()
    {
        MethodInfo method = typeof(DurableTaskClient).GetMethod(
            nameof(DurableTaskClient.ScheduleNewOrchestrationInstanceAsync),
            [typeof(TaskName), typeof(object), typeof(StartOrchestrationOptions), typeof(CancellationToken)])!;

        Assert.True(method.IsAbstract);
        Assert.Equal("cancellation", method.GetParameters()[^1].Name);
    }

    [Fact]
    public void EntityInstanceId_Name_IsLowerCased()
    {
        EntityInstanceId id = new("OrgRateGate", "Acme");

        Assert.Equal("orgrategate", id.Name);
        Assert.Equal("Acme", id.Key);
        Assert.Equal("@orgrategate@Acme", id.ToString());
    }

    [Fact]
    public void TaskName_Equality_IgnoresCase()
        => Assert.Equal(new TaskName("DsrOrchestration"), (TaskName)"dsrorchestration");

    [Fact]
    public void StartOrchestrationOptions_Constructor_TakesInstanceIdAndStartAt()
    {
        StartOrchestrationOptions options = new(InstanceId: "i-1");

        Assert.Equal("i-1", options.InstanceId);
        Assert.Null(options.StartAt);
        Assert.Equal(typeof(TaskOrchestrationContext).Namespace, typeof(StartOrchestrationOptions).Namespace);
    }

    [Fact]
    public void RetryPolicy_InvalidCoefficient_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(3, TimeSpan.FromSeconds(1), backoffCoefficient: 0.5));
}
