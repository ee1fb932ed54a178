using System.Diagnostics;
using ZohoCrm.Simulator;
using ZohoDsr.Benchmarks.Harness;
using ZohoDsr.Benchmarks.Scenarios.Cost;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Local.Storage;

namespace ZohoDsr.Benchmarks.Scenarios;

/// <summary>
/// What a request costs at Zoho: calls and credits by endpoint kind, wall time at Zoho-like latency and peak concurrency of
/// our access, delete dry run and delete, on orgs of 1k to 1M records per module, for subjects of 1, 50 and 2,500 records;
/// side by side, on the same org in the same run, the seed's scan (Get Records over every record) and the lower bound.
/// </summary>
public sealed class CostScenario : IScenario
{
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(150);
    public static readonly TimeSpan Jitter = TimeSpan.FromMilliseconds(50);

    private static readonly RequestMode[] Modes = [RequestMode.DeleteDryRun, RequestMode.Access, RequestMode.Delete];

    public string Name => "cost";

    public string Description => "calls, credits, wall time and concurrency per request: ours vs the seed's scan vs the lower bound, 1k-1M records";

    public async Task RunAsync(ScenarioReport report, ScenarioOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<CostOrgSize> sizes = options.Quick ? [CostOrgSize.All[0]] : CostOrgSize.All;
        IReadOnlyList<SubjectShape> subjects = (options.Quick ? new[] { 50 } : [1, 50, 2_500]).Select(SubjectShape.ForTotal).ToList();

        // Orgs of millions of records make a large heap: no blocking full collections while requests run (they would stall
        // Zoho's simulated answers past the client's 10 s attempt timeout).
        System.Runtime.GCLatencyMode latency = System.Runtime.GCSettings.LatencyMode;
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.SustainedLowLatency;
        try
        {
            await RunSizesAsync(report, sizes, subjects, cancellationToken);
        }
        finally
        {
            System.Runtime.GCSettings.LatencyMode = latency;
        }
    }

    private static async Task RunSizesAsync(ScenarioReport report, IReadOnlyList<CostOrgSize> sizes, IReadOnlyList<SubjectShape> subjects, CancellationToken cancellationToken)
    {
        await using AzuriteProcess azurite = await AzuriteProcess.StartInMemoryAsync(cancellationToken);
        var measurements = new List<CostMeasurement>();
        var orgRows = new List<IReadOnlyList<object>>();
        var scanRows = new List<IReadOnlyList<object>>();
        var coqlFind = new Dictionary<int, long>();
        foreach (CostOrgSize size in sizes)
        {
            await RunSizeAsync(report, azurite, size, subjects, coqlFind, measurements, orgRows, scanRows, cancellationToken);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        foreach (CostMeasurement m in measurements)
        {
            string name = $"{m.Size.Label} ours {CostMeasurement.ModeLabel(m.Mode)} subject {m.Subject.Total}";
            report.Check(name + ": self-reported calls equal the simulator's", m.OursSelfReported == m.Ours.TotalCalls, $"reported {m.OursSelfReported}, simulator counted {m.Ours.TotalCalls}");
            if (m.Mode == RequestMode.Access)
            {
                // An access reads each record whole, one GET apiece: lists truncate rich text and leave out subforms, line
                // items and multi-select lookups. On a small org that alone can cost what the scan costs, so the access is held
                // to its own model instead: the dry run's finding plus one GET per planted record.
                CostMeasurement? dryRun = measurements.Find(d => d.Size == m.Size && d.Subject == m.Subject && d.Mode == RequestMode.DeleteDryRun);
                long gets = m.Ours[EndpointKind.RecordGet];
                bool ok = dryRun is not null && gets == m.Subject.Total && m.Ours.TotalCalls == dryRun.Ours.TotalCalls + gets;
                report.Check(name + ": the dry run's calls plus one GET per record", ok, $"ours {m.Ours.TotalCalls}, dry run {dryRun?.Ours.TotalCalls}, record GETs {gets} for {m.Subject.Total} planted records");
            }
            else if (m.Subject.Total <= 50)
            {
                report.Check(name + ": no more calls than the scan", m.Ours.TotalCalls <= m.ScanCalls, $"ours {m.Ours.TotalCalls}, scan {m.ScanCalls}");
            }
        }

        CostTables.Write(report, sizes, measurements, orgRows, scanRows);
    }

    private static async Task RunSizeAsync(
        ScenarioReport report,
        AzuriteProcess azurite,
        CostOrgSize size,
        IReadOnlyList<SubjectShape> subjects,
        Dictionary<int, long> coqlFind,
        List<CostMeasurement> measurements,
        List<IReadOnlyList<object>> orgRows,
        List<IReadOnlyList<object>> scanRows,
        CancellationToken cancellationToken)
    {
        Console.WriteLine($"== {size.Label}: seeding");
        await using SimulatorHost simulator = await SimulatorHost.StartAsync(new SimulatorOptions { SearchIndexDelay = TimeSpan.Zero }, cancellationToken);
        var org = new BenchOrg(simulator, simulator.AddOrg(new SimOrgSpec { OrgId = "cost-" + size.Label.ToLowerInvariant(), Edition = ZohoEdition.Enterprise }));
        var seedWatch = Stopwatch.StartNew();
        SeedResult seed = org.Org.Seed(size.Seed);
        seedWatch.Stop();
        var ours = subjects.ToDictionary(s => s.Total, s => SubjectPlanter.Plant(org.Org, $"ours-{s.Total}-{size.Label}@bench-subjects.example", s));
        var theirs = subjects.ToDictionary(s => s.Total, s => SubjectPlanter.Plant(org.Org, $"scan-{s.Total}-{size.Label}@bench-subjects.example", s));
        var perModule = new[] { "Contacts", "Leads", "Cases", "Calls", "Tasks", "Events", "Quotes", "Invoices", "Sales_Orders", "Purchase_Orders" }
            .ToDictionary(m => m, m => (long)org.Org.Count(m), StringComparer.Ordinal);
        perModule["Activities"] = perModule["Calls"] + perModule["Tasks"] + perModule["Events"];
        org.SetLatency(Latency, Jitter);

        await using (ProductHost host = await ProductHost.StartAsync(azurite.ConnectionString, [org], null, cancellationToken))
        {
            // The first request pays for the token, the JIT, the task hub's first messages and the org's metadata (then cached
            // per org): its calls are shown with the org, the requests measured after it are the steady state.
            (CallTally first, _) = await RunOursAsync(host, org, DsrClient.Request(org.OrgId, "nobody@bench-subjects.example", DsrRequestType.Access), cancellationToken);
            orgRows.Add([size.Label, perModule["Contacts"], perModule["Leads"], perModule["Cases"],
                (long)new[] { "Calls", "Tasks", "Events", "Quotes", "Invoices", "Sales_Orders", "Purchase_Orders" }.Average(m => perModule[m]),
                (long)seed.RecordsByModule.Values.Sum(), seedWatch.Elapsed, $"{first.TotalCalls} ({first[EndpointKind.Metadata]} metadata)", size.Note ?? string.Empty]);
            foreach (SubjectShape shape in subjects)
            {
                PlantedSubjectRecords subject = ours[shape.Total];
                if (!coqlFind.ContainsKey(shape.Total))
                {
                    Console.WriteLine($"== {size.Label}: subject {shape.Total}: find only");
                    (CallTally findOnly, _) = await RunOursAsync(host, org, DsrClient.Request(org.OrgId, subject.Email, DsrRequestType.Delete, dryRun: true, modules: LowerBound.ParentModules), cancellationToken);
                    coqlFind[shape.Total] = findOnly[EndpointKind.Coql];
                }

                long coqlDryRun = 0;
                foreach (RequestMode mode in Modes)
                {
                    if (mode == RequestMode.Access && shape.Total > 50 && !size.LargeAccess)
                    {
                        continue;
                    }

                    Console.WriteLine($"== {size.Label}: subject {shape.Total}: {CostMeasurement.ModeLabel(mode)}");
                    DsrRequest request = DsrClient.Request(org.OrgId, subject.Email, mode == RequestMode.Access ? DsrRequestType.Access : DsrRequestType.Delete, dryRun: mode == RequestMode.DeleteDryRun);
                    (CallTally tally, ProductRun run) = await RunOursAsync(host, org, request, cancellationToken);
                    CheckOurs(report, size, subject, mode, tally, run, org);
                    if (mode == RequestMode.DeleteDryRun)
                    {
                        coqlDryRun = tally[EndpointKind.Coql];
                    }

                    measurements.Add(new CostMeasurement
                    {
                        Size = size,
                        Subject = shape,
                        Mode = mode,
                        Ours = tally,
                        OursWall = run.Wall,
                        OursSelfReported = run.Final.Result?.ApiCalls ?? 0,
                        OursByPurpose = OursPurposes.Of(tally, mode, coqlFind[shape.Total], coqlDryRun),
                        LowerBound = LowerBound.For(subject, mode),
                        ScanCalls = 0,
                        ScanCredits = 0,
                        ScanWall = null,
                        ScanPeak = null,
                    });
                }
            }
        }

        foreach (string module in perModule.Keys.Where(m => m != "Activities").ToList())
        {
            perModule[module] = org.Org.Count(module);
        }

        perModule["Activities"] = perModule["Calls"] + perModule["Tasks"] + perModule["Events"];
        if (!size.ScanMeasured)
        {
            long pages = SeedScan.PagesToRead(perModule);
            foreach (string module in SeedScan.ParentModules.Concat(SeedScan.ChildModules))
            {
                scanRows.Add([size.Label, module, perModule[module], (perModule[module] + SeedScan.PageSize - 1) / SeedScan.PageSize, "-", "not run: Zoho stops Get Records at 100,000 records, as at 100k"]);
            }

            for (int i = 0; i < measurements.Count; i++)
            {
                CostMeasurement m = measurements[i];
                if (m.Size == size)
                {
                    long deletes = m.Mode == RequestMode.Delete ? ours[m.Subject.Total].In(SeedScan.DeletableModules).Count : 0;
                    measurements[i] = m with { ScanMeasured = false, ScanCalls = pages + deletes, ScanCredits = pages + deletes, ScanCallsIfComplete = pages + deletes };
                }
            }

            return;
        }

        Console.WriteLine($"== {size.Label}: the seed's scan");
        using SimApi api = await SimApi.ConnectAsync(org, cancellationToken);
        SeedScanResult scan = await SeedScan.ReadAsync(org, api, theirs.Values.Select(s => s.Email).ToList(), org.GateCap, cancellationToken);
        long? completePages = scan.Stopped.Count > 0 ? SeedScan.PagesToRead(perModule) : null;
        foreach (ModuleScan module in scan.Modules)
        {
            scanRows.Add([size.Label, module.Module, perModule.GetValueOrDefault(module.Module), module.Pages, module.Records, module.StoppedBy ?? "read to the end"]);
        }

        foreach (SubjectShape shape in subjects)
        {
            PlantedSubjectRecords subject = theirs[shape.Total];
            IReadOnlySet<(string Module, string Id)> found = scan.FoundByEmail[subject.Email];
            var foundIds = found.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var plantedIds = subject.All.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            report.Check($"{size.Label} scan finds subject {shape.Total}", foundIds.SetEquals(plantedIds), $"{foundIds.Count} of {plantedIds.Count} planted records");
            (CallTally deletes, TimeSpan deleteWall, int failed) = await SeedScan.DeleteAsync(org, api, found, org.GateCap, cancellationToken);
            int deletable = subject.In(SeedScan.DeletableModules).Count;
            report.Check($"{size.Label} scan deletes subject {shape.Total}", failed == 0 && deletes[EndpointKind.Delete] == deletable, $"{deletes[EndpointKind.Delete]} delete calls, {failed} failed, {deletable} deletable records");
            for (int i = 0; i < measurements.Count; i++)
            {
                CostMeasurement m = measurements[i];
                if (m.Size != size || m.Subject != shape)
                {
                    continue;
                }

                bool delete = m.Mode == RequestMode.Delete;
                measurements[i] = m with
                {
                    ScanCalls = scan.Calls.TotalCalls + (delete ? deletes.TotalCalls : 0),
                    ScanCredits = scan.Calls.TotalCredits + (delete ? deletes.TotalCredits : 0),
                    ScanWall = scan.Wall + (delete ? deleteWall : TimeSpan.Zero),
                    ScanPeak = Math.Max(scan.Calls.PeakConcurrency, delete ? deletes.PeakConcurrency : 0),
                    ScanCallsIfComplete = completePages is { } pages ? pages + (delete ? deletes.TotalCalls : 0) : null,
                };
            }
        }
    }

    private static async Task<(CallTally Tally, ProductRun Run)> RunOursAsync(ProductHost host, BenchOrg org, DsrRequest request, CancellationToken cancellationToken)
    {
        org.Org.Counters.Reset();
        ProductRun run = await host.Client.RunAsync(request, cancellationToken);
        return (CallTally.From(org.Org.Counters), run);
    }

    private static void CheckOurs(ScenarioReport report, CostOrgSize size, PlantedSubjectRecords subject, RequestMode mode, CallTally tally, ProductRun run, BenchOrg org)
    {
        string name = $"{size.Label} ours {CostMeasurement.ModeLabel(mode)} subject {subject.Shape.Total}";
        if (!run.Completed)
        {
            report.Check(name, false, $"ended {run.Final.Status}: {run.Final.Error}");
            return;
        }

        var reported = run.Result.Records.Select(r => (r.Module, r.RecordId)).ToHashSet();
        var deleted = run.Result.Records.Where(r => r.Outcome == RecordOutcomeKind.Deleted).Select(r => (r.Module, r.RecordId)).ToHashSet();
        IReadOnlySet<(string Module, string Id)> deletable = subject.In(LowerBound.DeletableModules);
        long simDeleted = org.Org.Counters.RecordsDeleted;
        (bool ok, string detail) = mode switch
        {
            RequestMode.Delete => (deleted.SetEquals(deletable) && simDeleted == deletable.Count, $"{deleted.Count} deleted of {deletable.Count} deletable planted records; the simulator deleted {simDeleted}"),
            _ => (reported.SetEquals(subject.All) && simDeleted == 0, $"{reported.Count} reported of {subject.Total} planted records; the simulator deleted {simDeleted}"),
        };
        report.Check(name, ok, detail);
        report.Check(name + " under the gate's cap", tally.PeakConcurrency <= org.GateCap, $"peak {tally.PeakConcurrency} calls in flight, cap {org.GateCap}");
    }
}
