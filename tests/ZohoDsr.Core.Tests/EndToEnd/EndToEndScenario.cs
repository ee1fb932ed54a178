using Microsoft.Extensions.Logging;
using ZohoCrm.Simulator;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Engine;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.Tests.Support;

namespace ZohoDsr.Core.Tests.EndToEnd;

/// <summary>
/// One simulator org, seeded, with the product's Core built as a host builds it (<c>AddZohoDsrCore</c>, exports in Azurite)
/// and the in-process engine running requests against it in real time.
/// </summary>
internal sealed class EndToEndScenario : IAsyncDisposable
{
    /// <summary>Small waits so that throttles and retries cost milliseconds, not minutes.</summary>
    public static readonly OrchestrationSettings Fast = new()
    {
        ApprovalTimeout = TimeSpan.FromMinutes(5),
        ThrottleBaseDelay = TimeSpan.FromMilliseconds(5),
        ThrottleMaxDelay = TimeSpan.FromMilliseconds(40),
        ThrottleMaxAttempts = 25,
        GateLease = TimeSpan.FromMinutes(2),
        // Outlasts the client's circuit breaker (5 s open) should 5xx faults open it.
        ActivityRetry = new ActivityRetryPolicy(8, TimeSpan.FromMilliseconds(50), 2.0, TimeSpan.FromSeconds(2)),
        CallbackRetry = new ActivityRetryPolicy(2, TimeSpan.FromMilliseconds(10)),
    };

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    private EndToEndScenario(SimOrg org, SeedResult seed, CoreTestHost host, InProcessDsrEngine engine)
    {
        Org = org;
        Seed = seed;
        Host = host;
        Engine = engine;
    }

    public SimOrg Org { get; }

    public SeedResult Seed { get; }

    public CoreTestHost Host { get; }

    public InProcessDsrEngine Engine { get; }

    public static EndToEndScenario Create(
        SimulatorFixture simulator,
        string exportsConnectionString,
        SeedSpec seed,
        IReadOnlyList<string>? restrictedFields = null,
        IDictionary<string, string?>? settings = null)
    {
        var org = simulator.NewOrg(restrictedFields);
        var seeded = org.Seed(seed);
        var extra = new Dictionary<string, string?>
        {
            ["ZohoDsr:Exports:Kind"] = "Blob",
            ["ZohoDsr:Exports:ConnectionString"] = exportsConnectionString,
            ["ZohoDsr:Exports:Container"] = "e2e-exports",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            extra[key.Replace("{org}", org.OrgId, StringComparison.Ordinal)] = value;
        }

        var host = CoreTestHost.Create(simulator.Host, [org], extra);
        var engine = new InProcessDsrEngine(host.Get<IActivityDispatcher>(), TimeProvider.System, host.Get<ILoggerFactory>());
        return new EndToEndScenario(org, seeded, host, engine);
    }

    public DsrOrchestrationInput Input(PlantedSubject subject, DsrRequestType type) => new()
    {
        RequestId = "req-" + Guid.NewGuid().ToString("N")[..12],
        OrgId = Org.OrgId,
        Type = type,
        SubjectEmail = subject.Email,
        Settings = Fast,
    };

    /// <summary>Starts the request and waits for its end; the instance must complete (not crash, not hang).</summary>
    public async Task<DsrResult> RunAsync(DsrOrchestrationInput input)
    {
        var state = await StartAndWaitAsync(input, _ => Task.CompletedTask);
        return state.Output!;
    }

    public async Task<DsrInstanceState> StartAndWaitAsync(DsrOrchestrationInput input, Func<string, Task> whileRunning)
    {
        var instanceId = "i-" + input.RequestId;
        await Engine.StartAsync(instanceId, input, CancellationToken.None);
        await whileRunning(instanceId);
        var state = await Engine.WaitForCompletionAsync(instanceId, CancellationToken.None).WaitAsync(RunTimeout);
        Assert.True(state.RuntimeStatus == DsrRuntimeStatus.Completed, $"Instance ended {state.RuntimeStatus}: {state.FailureMessage}");
        return state;
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
        await Engine.DisposeAsync();
        Host.Dispose();
    }
}
