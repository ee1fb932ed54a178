using System.Globalization;
using System.Security.Cryptography;
using ZohoCrm.Simulator;
using ZohoDsr.Benchmarks.Harness;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Local.Storage;

namespace ZohoDsr.Benchmarks.Scenarios;

/// <summary>
/// The same batch of requests on one and on two local host processes (<c>ZohoDsr.Local serve</c>) sharing one task hub in
/// Azurite, as Function App instances share one: requests per minute for each, and the org's rate gate (an entity in the
/// hub) holding its cap across both processes.
/// </summary>
public sealed class ScaleOutScenario : IScenario
{
    private const string SigningSecret = "bench-scale-out-signing-secret-0123456789";

    public string Name => "scale-out";

    public string Description => "one vs two local host processes on one task hub: requests/min, completion times, the gate's cap across both";

    public async Task RunAsync(ScenarioReport report, ScenarioOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        int count = options.Quick ? 4 : 100;
        int warmUp = options.Quick ? 1 : 2;
        await using AzuriteProcess azurite = await AzuriteProcess.StartInMemoryAsync(cancellationToken);
        await using SimulatorHost simulator = await SimulatorHost.StartAsync(new SimulatorOptions { SearchIndexDelay = TimeSpan.Zero }, cancellationToken);
        var org = new BenchOrg(simulator, simulator.AddOrg(new SimOrgSpec { OrgId = "scale", Edition = ZohoEdition.Enterprise }));
        org.Org.Seed(new SeedSpec { Contacts = 2_000, Leads = 1_000, Cases = 500, RelatedPerContact = 2, PlantSubjects = false });
        var shape = SubjectShape.ForTotal(3);
        PlantedSubjectRecords subject = SubjectPlanter.Plant(org.Org, "scale@bench-subjects.example", shape);
        TimeSpan latency = options.Quick ? TimeSpan.FromMilliseconds(50) : CostScenario.Latency;
        TimeSpan jitter = options.Quick ? TimeSpan.FromMilliseconds(15) : CostScenario.Jitter;
        org.SetLatency(latency, jitter);
        string auditKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        var rows = new List<IReadOnlyList<object>>();
        var perMinute = new Dictionary<int, double>();
        foreach (int hosts in new[] { 1, 2 })
        {
            string exports = Path.Combine(Path.GetTempPath(), "zohodsr-bench-scale-" + Guid.NewGuid().ToString("N"));
            var environment = org.Settings().ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value, StringComparer.Ordinal);
            environment["ZohoDsr__Storage__ConnectionString"] = azurite.ConnectionString;
            environment["ZohoDsr__TaskHub"] = "benchscale" + Guid.NewGuid().ToString("N")[..10];
            environment["ZohoDsr__Webhook__SigningSecret"] = SigningSecret;
            environment["ZohoDsr__Audit__SubjectKey"] = auditKey;
            environment["ZohoDsr__Exports__Kind"] = "LocalFolder";
            environment["ZohoDsr__Exports__LocalPath"] = exports;
            var processes = new List<ServeProcess>();
            try
            {
                Console.WriteLine($"== {hosts} host(s): starting");
                foreach (Task<ServeProcess> start in Enumerable.Range(0, hosts).Select(_ => ServeProcess.StartAsync(environment, cancellationToken)).ToList())
                {
                    processes.Add(await start);
                }

                var clients = processes.Select(p => new DsrClient(p.BaseAddress, SigningSecret)).ToList();
                try
                {
                    // Warm-up: a few requests through every host (tokens, JIT, the hub's first messages), not measured.
                    await BatchRunner.RunAsync(clients.SelectMany(c => Enumerable.Range(0, warmUp).Select(_ => (c, DsrClient.Request(org.OrgId, subject.Email, DsrRequestType.Access)))).ToList(), [org], cancellationToken);
                    TimeSpan[] cpuBefore = processes.Select(p => p.CpuTime).ToArray();
                    int[] linesBefore = processes.Select(p => p.ActivityLines).ToArray();
                    Console.WriteLine($"== {hosts} host(s): {count} requests");
                    BatchResult result = await BatchRunner.RunAsync(
                        Enumerable.Range(0, count).Select(i => (clients[i % clients.Count], DsrClient.Request(org.OrgId, subject.Email, DsrRequestType.Access))).ToList(),
                        [org],
                        cancellationToken);
                    report.Check($"{hosts} host(s): every request completes", result.Completed == count, $"{result.Completed} of {count}");
                    report.Check($"{hosts} host(s): the gate's cap holds", result.PeakPerOrg <= org.GateCap, $"peak {result.PeakPerOrg} calls in flight, cap {org.GateCap}");
                    perMinute[hosts] = result.RequestsPerMinute;
                    string work = string.Join(" / ", processes.Select((p, i) => (p.ActivityLines - linesBefore[i]).ToString("N0", CultureInfo.InvariantCulture)));
                    string cpu = string.Join(" / ", processes.Select((p, i) => (p.CpuTime - cpuBefore[i]).TotalSeconds.ToString("N1", CultureInfo.InvariantCulture) + " s"));
                    rows.Add([hosts, count, result.Completed, result.RequestsPerMinute, result.P50, result.P95, result.P99, result.Throttled, result.PeakPerOrg, org.GateCap,
                        string.Create(CultureInfo.InvariantCulture, $"{result.MeanInFlightPerOrg / org.GateCap:P0}"), work, cpu, result.Wall]);
                }
                finally
                {
                    clients.ForEach(c => c.Dispose());
                }
            }
            finally
            {
                foreach (ServeProcess process in processes)
                {
                    await process.DisposeAsync();
                }

                if (Directory.Exists(exports))
                {
                    Directory.Delete(exports, recursive: true);
                }
            }
        }

        report.Note($"{count} access requests (subject of {shape.Total} records) submitted at once, round robin over the hosts, against one Enterprise org (gate cap {org.GateCap}); Zoho latency {latency.TotalMilliseconds:N0} ms ± {jitter.TotalMilliseconds:N0} ms. "
            + $"Each host is `ZohoDsr.Local serve` in its own process, configured by environment variables, on one task hub in one Azurite (in memory); the simulator runs in the bench process; {Environment.ProcessorCount} cores for all of them. "
            + "Activity log lines and CPU time are per host, during the measured batch.");
        report.Table(["hosts", "requests", "completed", "requests/min", "p50", "p95", "p99", "429s", "peak in flight", "gate cap", "cap used while queued", "activity log lines per host", "CPU per host", "wall"], rows);
        report.Note(string.Create(CultureInfo.InvariantCulture, $"Two hosts: {perMinute[2]:N0} requests/min against {perMinute[1]:N0} with one ({perMinute[2] / perMinute[1]:0.00}x)."));
    }
}
