using System.Diagnostics;
using System.Globalization;
using ZohoCrm.Simulator;
using ZohoDsr.Benchmarks.Harness;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Cli;
using ZohoDsr.Local.Cli.Commands;
using ZohoDsr.Local.Cli.Demo;
using ZohoDsr.Local.Hosting;
using ZohoDsr.Local.Storage;

namespace ZohoDsr.Benchmarks.Scenarios;

/// <summary>
/// The real engine's own cost: per request and per activity on Azurite against a simulator with no latency (so nearly all
/// the time is the engine's), memory per request in flight, and the demo's wall time as a new user sees it.
/// </summary>
public sealed class EngineOverheadScenario : IScenario
{
    public string Name => "engine";

    public string Description => "engine overhead per activity and per request (zero Zoho latency), memory per in-flight request, demo wall time";

    public async Task RunAsync(ScenarioReport report, ScenarioOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        int sequential = options.Quick ? 2 : 20;
        int inFlight = options.Quick ? 5 : 100;
        // The quick form leaves the demo out: it starts a second Azurite and host cold, and the demo has its own tests.
        int demos = options.Quick ? 0 : 3;
        TimeSpan slowZoho = options.Quick ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(2);

        await using (AzuriteProcess azurite = await AzuriteProcess.StartInMemoryAsync(cancellationToken))
        await using (SimulatorHost simulator = await SimulatorHost.StartAsync(new SimulatorOptions { SearchIndexDelay = TimeSpan.Zero }, cancellationToken))
        {
            var org = new BenchOrg(simulator, simulator.AddOrg(new SimOrgSpec { OrgId = "engine", Edition = ZohoEdition.Ultimate }));
            org.Org.Seed(new SeedSpec { Contacts = 2_000, Leads = 1_000, Cases = 500, RelatedPerContact = 2, PlantSubjects = false });
            var shape = SubjectShape.ForTotal(3);
            PlantedSubjectRecords subject = SubjectPlanter.Plant(org.Org, "engine@bench-subjects.example", shape);
            await using ProductHost host = await ProductHost.StartAsync(azurite.ConnectionString, [org], null, cancellationToken);
            await host.Client.RunAsync(DsrClient.Request(org.OrgId, subject.Email, DsrRequestType.Access), cancellationToken);

            await MeasureOverheadAsync(report, host, org, subject, sequential, cancellationToken);
            await MeasureMemoryAsync(report, host, org, subject, inFlight, slowZoho, cancellationToken);
        }

        if (demos > 0)
        {
            await MeasureDemoAsync(report, demos, cancellationToken);
        }
    }

    private static async Task MeasureOverheadAsync(ScenarioReport report, ProductHost host, BenchOrg org, PlantedSubjectRecords subject, int runs, CancellationToken cancellationToken)
    {
        var walls = new List<TimeSpan>();
        var activityTimes = new List<TimeSpan>();
        var histories = new List<InstanceHistory>();
        long calls = 0;
        for (int i = 0; i < runs; i++)
        {
            org.Org.Counters.Reset();
            ProductRun run = await host.Client.RunAsync(DsrClient.Request(org.OrgId, subject.Email, DsrRequestType.Access), cancellationToken);
            report.Check($"overhead run {i + 1} completes", run.Completed, run.Final.Status.ToString());
            calls += org.Org.Counters.TotalCalls;
            walls.Add(run.Wall);
            InstanceHistory history = await InstanceHistory.ReadAsync(host.Host.Engine, run.Final.InstanceId);
            histories.Add(history);
            activityTimes.AddRange(history.ActivityTimes);
        }

        double activities = histories.Average(h => h.Activities);
        TimeSpan median = Percentiles.Of(walls, 50);
        report.Section("Engine overhead (Zoho latency 0)");
        report.Note($"{runs} access requests one after another (subject of {subject.Total} records), Ultimate org, simulator answering at once; {ProductHost.EngineDescription}. "
            + "Activity time: from the orchestration scheduling an activity to the activity's result being stored (queue pickup, the activity's own work with its Zoho calls, the result's write), from the instance's history.");
        report.Table(
            ["requests", "wall p50", "wall min", "wall max", "activities/request", "episodes/request", "entity messages/request", "Zoho calls/request", "activity time p50", "activity time p95", "wall per activity"],
            [[
                runs, median, walls.Min(), walls.Max(), activities, histories.Average(h => h.Episodes), histories.Average(h => h.MessagesSent),
                (double)calls / runs, Percentiles.Of(activityTimes, 50), Percentiles.Of(activityTimes, 95),
                string.Create(CultureInfo.InvariantCulture, $"{median.TotalMilliseconds / Math.Max(1, activities):N0} ms"),
            ]]);
    }

    private static async Task MeasureMemoryAsync(ScenarioReport report, ProductHost host, BenchOrg org, PlantedSubjectRecords subject, int count, TimeSpan slowZoho, CancellationToken cancellationToken)
    {
        (long heapBefore, long workingSetBefore) = Memory();

        // Slow Zoho down so the requests stay in flight while the host is measured, then let them finish.
        org.SetLatency(slowZoho, TimeSpan.Zero);
        var requests = Enumerable.Range(0, count).Select(_ => DsrClient.Request(org.OrgId, subject.Email, DsrRequestType.Access)).ToList();
        await host.Client.SubmitAllAsync(requests, cancellationToken);
        int running = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            running = 0;
            foreach (DsrRequest request in requests)
            {
                DsrStatusView view = await host.Client.StatusAsync(request.RequestId!, request.OrgId!, cancellationToken);
                running += view.Status == DsrStatus.Running ? 1 : 0;
            }

            if (running == count)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        int callsInFlight = org.Org.Counters.CurrentConcurrency;
        (long heapDuring, long workingSetDuring) = Memory();
        org.SetLatency(TimeSpan.Zero, TimeSpan.Zero);
        IReadOnlyDictionary<string, DsrStatusView> done = await host.Client.WaitAllAsync(requests.Select(r => (r.RequestId!, r.OrgId!)).ToList(), TimeSpan.FromMilliseconds(250), cancellationToken);
        report.Check("in-flight requests complete", done.Values.All(v => v.Status == DsrStatus.Completed), $"{done.Values.Count(v => v.Status == DsrStatus.Completed)} of {count}");

        report.Section("Memory per request in flight");
        report.Note($"{count} access requests submitted at once with Zoho slowed to {slowZoho.TotalSeconds:N1} s per call; measured once all were running (started, not finished), after a full GC, in the one process that holds the host, the engine and the simulator. "
            + "The host runs at most 10 activities and 5 orchestration episodes at once: the other requests wait in the task hub's queues in Azurite, not in memory.");
        report.Table(
            ["requests in flight", "running when measured", "Zoho calls in flight", "GC heap before (MB)", "GC heap during (MB)", "per request (KB)", "working set before (MB)", "working set during (MB)", "per request (KB)"],
            [[
                count, running, callsInFlight, heapBefore / 1_048_576.0, heapDuring / 1_048_576.0, (heapDuring - heapBefore) / 1024.0 / count,
                workingSetBefore / 1_048_576.0, workingSetDuring / 1_048_576.0, (workingSetDuring - workingSetBefore) / 1024.0 / count,
            ]]);
    }

    private static async Task MeasureDemoAsync(ScenarioReport report, int runs, CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<object>>();
        var totals = new List<TimeSpan>();
        var requests = new List<TimeSpan>();
        for (int i = 0; i < runs; i++)
        {
            string folder = Path.Combine(Path.GetTempPath(), "zohodsr-bench-demo-" + Guid.NewGuid().ToString("N"));
            try
            {
                LocalHostOptions options = DemoScenario.CreateHostOptions(Path.Combine(folder, "exports"), TimeProvider.System);
                options.StatePath = Path.Combine(folder, ".zohodsr");
                var context = new CliContext(TextWriter.Null, TextWriter.Null, Json: true, TimeProvider.System);
                var watch = Stopwatch.StartNew();
                DemoReport demo = await DemoCommand.RunAsync(options, context, cancellationToken);
                watch.Stop();
                report.Check($"demo run {i + 1} passes", demo.Passed, string.Join("; ", demo.Checks.Where(c => !c.Passed).Select(c => c.Name)));
                totals.Add(watch.Elapsed);
                requests.Add(demo.Elapsed);
                rows.Add([i + 1, watch.Elapsed, watch.Elapsed - demo.Elapsed, demo.Elapsed, demo.SeededRecords]);
            }
            finally
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        report.Section("The demo's wall time");
        report.Note("`dotnet run --project src/ZohoDsr.Local -- demo` in process (DemoCommand with the demo's own host options, state in a fresh folder each run, so Azurite starts cold as on a first run); without `dotnet run`'s build. "
            + "Start: Azurite, the simulator's seeding, Kestrel and the engine; requests: the three requests (access, delete dry run, delete) and the checks.");
        report.Table(["run", "total", "start", "requests", "records seeded"], rows);
        report.Note(string.Create(CultureInfo.InvariantCulture, $"Demo wall time: min {totals.Min().TotalSeconds:N1} s, median {Percentiles.Of(totals, 50).TotalSeconds:N1} s (requests alone: min {requests.Min().TotalSeconds:N1} s, median {Percentiles.Of(requests, 50).TotalSeconds:N1} s) over {runs} run(s)."));
    }

    private static (long Heap, long WorkingSet) Memory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        long heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (heap, process.WorkingSet64);
    }
}
