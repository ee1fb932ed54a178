using System.Diagnostics;
using System.Globalization;
using ZohoCrm.Simulator;
using ZohoDsr.Benchmarks.Harness;
using ZohoDsr.Benchmarks.Scenarios.Throughput;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Local.Storage;

namespace ZohoDsr.Benchmarks.Scenarios;

/// <summary>
/// Requests submitted at once (1, 10, 100, 1,000) against one org of each edition and against 10 orgs, on the real engine
/// (the local host in process, Azurite): requests per minute, completion percentiles, 429s, and the calls each org had in
/// flight against the rate gate's cap.
/// </summary>
public sealed class ThroughputScenario : IScenario
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(9);
    private static readonly string[] Editions = ["Free", "Standard", "Professional", "Enterprise", "Ultimate"];

    public string Name => "throughput";

    public string Description => "1-1,000 access requests at once per edition and over 10 orgs on the real engine: requests/min, p50/p95/p99, 429s, gate use";

    public async Task RunAsync(ScenarioReport report, ScenarioOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<string> editions = options.Quick ? ["Standard"] : Editions;
        int seedContacts = options.Quick ? 200 : 2_000;
        int manyOrgs = options.Quick ? 3 : 10;

        // The quick form runs at a lower Zoho latency: the gate's cap is still reached, in a third of the time.
        TimeSpan latency = options.Quick ? TimeSpan.FromMilliseconds(50) : CostScenario.Latency;
        TimeSpan jitter = options.Quick ? TimeSpan.FromMilliseconds(15) : CostScenario.Jitter;
        await using AzuriteProcess azurite = await AzuriteProcess.StartInMemoryAsync(cancellationToken);
        await using SimulatorHost simulator = await SimulatorHost.StartAsync(new SimulatorOptions { SearchIndexDelay = TimeSpan.Zero }, cancellationToken);
        var shape = SubjectShape.ForTotal(3);
        (BenchOrg, PlantedSubjectRecords) NewOrg(string id, ZohoEdition edition)
        {
            var org = new BenchOrg(simulator, simulator.AddOrg(new SimOrgSpec { OrgId = id, Edition = edition }));
            org.Org.Seed(new SeedSpec { Contacts = seedContacts, Leads = seedContacts / 2, Cases = seedContacts / 4, RelatedPerContact = 2, PlantSubjects = false });
            PlantedSubjectRecords subject = SubjectPlanter.Plant(org.Org, $"subject-{id}@bench-subjects.example", shape);
            org.SetLatency(latency, jitter);
            return (org, subject);
        }

        var configs = editions.Select(e => new ThroughputConfig(e, [NewOrg("tp-" + e.ToLowerInvariant(), Enum.Parse<ZohoEdition>(e))])).ToList();
        configs.Add(new ThroughputConfig($"{manyOrgs} orgs", Enumerable.Range(0, manyOrgs).Select(i => NewOrg($"tp-many-{i}", ZohoEdition.Enterprise)).ToList()));

        await using ProductHost host = await ProductHost.StartAsync(azurite.ConnectionString, configs.SelectMany(c => c.Orgs.Select(o => o.Org)), null, cancellationToken);

        // Each org's first request pays for its token and the JIT: not measured.
        await BatchRunner.RunAsync(configs.SelectMany(c => c.Orgs).Select(o => (host.Client, DsrClient.Request(o.Org.OrgId, o.Subject.Email, DsrRequestType.Access))).ToList(), configs.SelectMany(c => c.Orgs.Select(o => o.Org)).ToList(), cancellationToken);

        var rows = new List<IReadOnlyList<object>>();
        var results = new Dictionary<(string Config, int Count), BatchResult>();
        foreach (int count in new[] { 1, 10 })
        {
            foreach (ThroughputConfig config in configs)
            {
                results[(config.Name, count)] = await RunBatchAsync(report, host, config, count, rows, cancellationToken);
            }
        }

        if (!options.Quick)
        {
            // 100 and then 1,000 at once where they fit: each only if the run ten times smaller says it would end within
            // what is left of the budget, and within the org's daily credits; the quickest configurations first.
            foreach (int count in new[] { 100, 1_000 })
            {
                foreach (ThroughputConfig config in configs.OrderBy(c => results.GetValueOrDefault((c.Name, count / 10))?.Wall ?? TimeSpan.MaxValue))
                {
                    if (!results.TryGetValue((config.Name, count / 10), out BatchResult? smaller))
                    {
                        rows.Add(Skipped(config, count, $"skipped: its {count / 10:N0}-request run was skipped"));
                        continue;
                    }

                    TimeSpan estimate = smaller.Wall * 10;
                    long spent = results.Where(r => r.Key.Config == config.Name).Sum(r => r.Value.Credits) / config.Orgs.Count;
                    long credits = spent + (smaller.Credits * 10 / config.Orgs.Count);
                    long dailyBudget = GateCap.DailyCreditBudget(config.Edition);
                    TimeSpan left = Budget - clock.Elapsed;
                    if (credits > dailyBudget)
                    {
                        rows.Add(Skipped(config, count, $"skipped: ~{credits:N0} credits per org with the runs before it, over the edition's daily budget of {dailyBudget:N0} (75 % of its credits)"));
                    }
                    else if (estimate > left)
                    {
                        rows.Add(Skipped(config, count, $"skipped: ~{estimate.TotalMinutes:N1} min (10x its {count / 10:N0}-request run), over the {Math.Max(0, left.TotalMinutes):N1} min left of the {Budget.TotalMinutes:N0} min budget"));
                    }
                    else
                    {
                        results[(config.Name, count)] = await RunBatchAsync(report, host, config, count, rows, cancellationToken);
                    }
                }
            }
        }

        report.Note($"Access requests for a subject of {shape.Total} records ({shape.Contacts} contact, {shape.Leads} lead, {shape.Cases} case), all submitted at once; Zoho latency {latency.TotalMilliseconds:N0} ms ± {jitter.TotalMilliseconds:N0} ms per call; one local host process ({ProductHost.EngineDescription}), Azurite in memory, {Environment.ProcessorCount} cores shared by host, simulator and Azurite. "
            + $"Gate cap: the edition's concurrency limit times 0.75. Cap used: mean calls in flight per org between the first submission and the last completion, over the cap. {manyOrgs} orgs: Enterprise orgs, requests spread evenly.");
        report.Table(
            ["target", "requests", "completed", "requests/min", "p50", "p95", "p99", "429s", "peak in flight (per org)", "gate cap", "edition limit", "cap used while queued", "calls/request", "wall"],
            rows);
        int largest = results.Keys.Max(k => k.Count);
        var best = results.Where(r => r.Key.Count == largest).MaxBy(r => r.Value.RequestsPerMinute);
        var worst = results.Where(r => r.Key.Count == largest).MinBy(r => r.Value.RequestsPerMinute);
        report.Note(string.Create(CultureInfo.InvariantCulture, $"At {largest:N0} requests at once: most {best.Value.RequestsPerMinute:N0} requests/min ({best.Key.Config}), least {worst.Value.RequestsPerMinute:N0} ({worst.Key.Config}); {results.Values.Sum(r => r.Throttled):N0} 429s over the whole run."));
    }

    private static async Task<BatchResult> RunBatchAsync(ScenarioReport report, ProductHost host, ThroughputConfig config, int count, List<IReadOnlyList<object>> rows, CancellationToken cancellationToken)
    {
        Console.WriteLine($"== {config.Name}: {count} requests");
        BatchResult result = await BatchRunner.RunAsync(config.Requests(count).Select(r => (host.Client, r)).ToList(), config.Orgs.Select(o => o.Org).ToList(), cancellationToken);
        report.Check($"{config.Name} x{count} complete", result.Completed == count, $"{result.Completed} of {count} completed");
        report.Check($"{config.Name} x{count} under the gate's cap", result.PeakPerOrg <= config.Cap, $"peak {result.PeakPerOrg} calls in flight per org, cap {config.Cap}");
        rows.Add(Row(config, count, result));
        return result;
    }

    private static IReadOnlyList<object> Row(ThroughputConfig config, int count, BatchResult r) =>
    [
        config.Name, count, r.Completed, r.RequestsPerMinute, r.P50, r.P95, r.P99, r.Throttled, r.PeakPerOrg, config.Cap,
        GateCap.EditionLimit(config.Edition), string.Create(CultureInfo.InvariantCulture, $"{r.MeanInFlightPerOrg / config.Cap:P0}"),
        (double)r.Calls / count, r.Wall,
    ];

    private static IReadOnlyList<object> Skipped(ThroughputConfig config, int count, string why) =>
        [config.Name, count, why, "", "", "", "", "", "", config.Cap, GateCap.EditionLimit(config.Edition), "", "", ""];
}
