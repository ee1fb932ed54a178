using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Engine;
using ZohoDsr.TestSupport;

namespace ZohoDsr.EndToEnd.Tests.Durability;

/// <summary>
/// Replay is the engine's own: an orchestrator that calls its activities in another order when it is replayed fails the
/// way it would in Azure (the Durable Task Framework's non-determinism check), through the same adapters that run the app.
/// </summary>
public sealed class DeterminismTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Replay_CallOrderChangedAfterTheFirstRun_InstanceFailsAsNonDeterministic()
    {
        await using ServiceProvider services = new ServiceCollection().AddLogging().BuildServiceProvider();
        IReadOnlyList<DurableFunction> probes = [.. DurableFunctionCatalog.Read(typeof(DeterminismTests).Assembly).Where(f => f.Name.StartsWith("Probe", StringComparison.Ordinal))];
        Assert.Equal(3, probes.Count);
        await using DurableEngine engine = await DurableEngine.StartAsync(
            new DurableEngineOptions { ConnectionString = azurite.ConnectionString, TaskHubName = TestTaskHub.NewName(), MaxQueuePollingInterval = TimeSpan.FromMilliseconds(200) },
            probes,
            services,
            services.GetRequiredService<ILoggerFactory>(),
            CancellationToken.None);
        string instanceId = "probe-" + Guid.NewGuid().ToString("N");

        await engine.Client.CreateOrchestrationInstanceAsync(ProbeFunctions.Orchestration, string.Empty, instanceId, "start");
        await ProbeFunctions.FirstStepRan(instanceId).Task.WaitAsync(TimeSpan.FromMinutes(2));
        ProbeFunctions.Swapped[instanceId] = true; // the "new code": the other activity first
        await engine.Client.RaiseEventAsync(new DurableTask.Core.OrchestrationInstance { InstanceId = instanceId }, ProbeFunctions.Go, true);
        await engine.Client.WaitForOrchestrationAsync(new DurableTask.Core.OrchestrationInstance { InstanceId = instanceId }, TimeSpan.FromMinutes(2));

        DsrInstanceState? state = await new TaskHubInstanceClient(engine, services.GetRequiredService<ILogger<TaskHubInstanceClient>>()).GetAsync(instanceId, CancellationToken.None);
        Assert.Equal(DsrRuntimeStatus.Failed, state!.RuntimeStatus);
        Assert.Contains("Non-Deterministic", state.FailureMessage, StringComparison.OrdinalIgnoreCase);
        await engine.StopAsync();
        await engine.DeleteTaskHubAsync();
    }
}

/// <summary>A tiny app of durable functions, declared as the Functions app declares its own.</summary>
public static class ProbeFunctions
{
    public const string Orchestration = "ProbeOrchestration";
    public const string Go = "go";

    private static readonly ConcurrentDictionary<string, TaskCompletionSource> FirstSteps = new(StringComparer.Ordinal);

    public static ConcurrentDictionary<string, bool> Swapped { get; } = new(StringComparer.Ordinal);

    public static TaskCompletionSource FirstStepRan(string instanceId)
        => FirstSteps.GetOrAdd(instanceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    [Function(Orchestration)]
    public static async Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        bool swapped = Swapped.ContainsKey(context.InstanceId);
        await context.CallActivityAsync<string>(swapped ? nameof(ProbeSecond) : nameof(ProbeFirst), context.InstanceId);
        await context.WaitForExternalEvent<bool>(Go);
        return await context.CallActivityAsync<string>(swapped ? nameof(ProbeFirst) : nameof(ProbeSecond), context.InstanceId) + input;
    }

    [Function(nameof(ProbeFirst))]
    public static Task<string> ProbeFirst([ActivityTrigger] string instanceId)
    {
        FirstStepRan(instanceId).TrySetResult();
        return Task.FromResult("first");
    }

    [Function(nameof(ProbeSecond))]
    public static Task<string> ProbeSecond([ActivityTrigger] string instanceId) => Task.FromResult("second");
}
