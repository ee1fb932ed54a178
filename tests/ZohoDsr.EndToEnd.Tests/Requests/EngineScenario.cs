using DurableTask.Core;
using Microsoft.Extensions.Logging;
using ZohoCrm.Simulator;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.EndToEnd.Tests.Support;
using ZohoDsr.Functions.Orchestrations;
using ZohoDsr.Local.Engine;
using ZohoDsr.TestSupport;

namespace ZohoDsr.EndToEnd.Tests.Requests;

/// <summary>
/// One simulator org, seeded, with the product's Core built as a host builds it (<c>AddZohoDsrCore</c>, exports in
/// Azurite), and the Functions app's durable functions running on the Durable Task Framework over a task hub of its own
/// in Azurite: the engine Azure runs, in real time.
/// </summary>
internal sealed class EngineScenario : IAsyncDisposable
{
    /// <summary>Small waits so that throttles and retries cost milliseconds, not minutes.</summary>
    public static readonly OrchestrationSettings Fast = new()
    {
        ApprovalTimeout = TimeSpan.FromMinutes(5),
        ThrottleBaseDelay = TimeSpan.FromMilliseconds(20),
        ThrottleMaxDelay = TimeSpan.FromMilliseconds(200),
        ThrottleMaxAttempts = 25,
        GateLease = TimeSpan.FromMinutes(2),
        // Outlasts the client's circuit breaker (5 s open) should 5xx faults open it.
        ActivityRetry = new ActivityRetryPolicy(8, TimeSpan.FromMilliseconds(100), 2.0, TimeSpan.FromSeconds(2)),
        CallbackRetry = new ActivityRetryPolicy(2, TimeSpan.FromMilliseconds(50)),
    };

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);

    private EngineScenario(SimOrg org, SeedResult seed, CoreTestHost host, DurableEngine engine)
    {
        Org = org;
        Seed = seed;
        Host = host;
        Engine = engine;
        Instances = new TaskHubInstanceClient(engine, host.Get<ILogger<TaskHubInstanceClient>>());
    }

    public SimOrg Org { get; }

    public SeedResult Seed { get; }

    public CoreTestHost Host { get; }

    public DurableEngine Engine { get; }

    public TaskHubInstanceClient Instances { get; }

    public static async Task<EngineScenario> StartAsync(
        SimulatorFixture simulator,
        AzuriteFixture azurite,
        SeedSpec seed,
        IReadOnlyList<string>? restrictedFields = null,
        IDictionary<string, string?>? settings = null)
    {
        SimOrg org = simulator.NewOrg(restrictedFields);
        SeedResult seeded = org.Seed(seed);
        var extra = new Dictionary<string, string?>
        {
            ["ZohoDsr:Exports:Kind"] = "Blob",
            ["ZohoDsr:Exports:ConnectionString"] = azurite.ConnectionString,
            ["ZohoDsr:Exports:Container"] = "e2e-exports",
            // The seed's modules only: these scenarios check what was found against the planted parents and contact children.
            [$"Zoho:Orgs:{org.OrgId}:RelatedModules"] = HostedOrg.SeedRelatedModules,
            ["ZohoDsr:FindLeadActivities"] = "false",
            ["ZohoDsr:IncludeNotes"] = "false",
        };
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            extra[key.Replace("{org}", org.OrgId, StringComparison.Ordinal)] = value;
        }

        CoreTestHost host = CoreTestHost.Create(simulator.Host, [org], extra);
        try
        {
            DurableEngine engine = await DurableEngine.StartAsync(
                new DurableEngineOptions { ConnectionString = azurite.ConnectionString, TaskHubName = TestTaskHub.NewName(), MaxQueuePollingInterval = TimeSpan.FromMilliseconds(250) },
                DurableFunctionCatalog.Read(typeof(DsrOrchestrator).Assembly),
                host.Services,
                host.Get<ILoggerFactory>(),
                CancellationToken.None);
            return new EngineScenario(org, seeded, host, engine);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public DsrOrchestrationInput Input(PlantedSubject subject, DsrRequestType type) => new()
    {
        RequestId = "req-" + Guid.NewGuid().ToString("N")[..12],
        OrgId = Org.OrgId,
        Type = type,
        SubjectEmail = subject.Email,
        ReceivedAt = TimeProvider.System.GetUtcNow(),
        Settings = Fast,
    };

    /// <summary>Starts the request and waits for its end; the instance must complete (not crash, not hang).</summary>
    public async Task<DsrResult> RunAsync(DsrOrchestrationInput input)
    {
        DsrInstanceState state = await StartAndWaitAsync(input, _ => Task.CompletedTask);
        return state.Output!;
    }

    public async Task<DsrInstanceState> StartAndWaitAsync(DsrOrchestrationInput input, Func<string, Task> whileRunning)
    {
        string instanceId = "i-" + input.RequestId;
        await Instances.StartAsync(instanceId, input, CancellationToken.None);
        await whileRunning(instanceId);
        DsrInstanceState state = await WaitAsync(instanceId);
        Assert.True(state.RuntimeStatus == DsrRuntimeStatus.Completed, $"Instance ended {state.RuntimeStatus}: {state.FailureMessage}");
        return state;
    }

    /// <summary>The engine's own wait for an instance to finish (completed, failed or terminated).</summary>
    public async Task<DsrInstanceState> WaitAsync(string instanceId)
    {
        await Engine.Client.WaitForOrchestrationAsync(new OrchestrationInstance { InstanceId = instanceId }, RunTimeout);
        return (await Instances.GetAsync(instanceId, CancellationToken.None))!;
    }

    /// <summary>Waits until the request's progress says <paramref name="status"/> (the engine stores custom status with each step).</summary>
    public async Task WaitForStatusAsync(string instanceId, DsrStatus status)
    {
        using var timeout = new CancellationTokenSource(RunTimeout);
        while ((await Instances.GetAsync(instanceId, timeout.Token))?.Progress?.Status != status)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }

    /// <summary>Permits of the org's rate gate held right now, read from the <c>OrgRateGate</c> entity's stored state.</summary>
    public async Task<int> PermitsInUseAsync()
    {
        OrgRateGateState? state = await Engine.GetEntityStateAsync<OrgRateGateState>(EntityNames.OrgRateGate, Org.OrgId, CancellationToken.None);
        return state is null ? 0 : new OrgRateGate(state).InUse(TimeProvider.System.GetUtcNow().UtcDateTime);
    }

    /// <summary>The ids of <paramref name="kinds"/> per module (sorted), modules without any left out.</summary>
    public static Dictionary<string, List<string>> IdsByModule(DsrResult result, params RecordOutcomeKind[] kinds)
        => result.Records
            .Where(r => kinds.Contains(r.Outcome))
            .GroupBy(r => r.Module, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.RecordId).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    public static Dictionary<string, List<string>> Expected(PlantedSubject subject, Func<string, bool>? moduleFilter = null)
        => subject.ExpectedRecordIds
            .Where(p => p.Value.Count > 0 && (moduleFilter?.Invoke(p.Key) ?? true))
            .ToDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await Engine.StopAsync();
        await Engine.DeleteTaskHubAsync();
        await Engine.DisposeAsync();
        Host.Dispose();
    }
}
