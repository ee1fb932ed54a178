using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ZohoCrm.Client;
using ZohoEdition = ZohoCrm.Simulator.ZohoEdition;
using ZohoCrm.Simulator;
using ZohoDsr.Benchmarks.Harness;
using ZohoDsr.Benchmarks.Scenarios.Soak;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Local.Storage;

namespace ZohoDsr.Benchmarks.Scenarios;

/// <summary>
/// Mixed access and delete requests over 20 orgs on the real engine while about 10% of Zoho's answers are faults (429
/// storms, 500, 503, hangs, dropped connections, deletes applied with their answer lost, refresh tokens revoked and
/// re-issued, locked records); at the end, every report is checked against the simulator's truth.
/// </summary>
public sealed class SoakScenario : IScenario
{
    private const int Orgs = 20;

    /// <summary>
    /// Requests running at once. 1,000 submitted together on one 2-core host held the engine's partition leases past
    /// their renewal time and its queue messages past their visibility, so the intake keeps a window of 100 instead.
    /// </summary>
    private const int InFlight = 100;
    private static readonly ZohoEdition[] Editions = [ZohoEdition.Standard, ZohoEdition.Professional, ZohoEdition.Enterprise];

    /// <summary>A subject: one contact, one lead, one case, one record in each child module (10 records).</summary>
    private static readonly SubjectShape Shape = new(1, 1, 1, 1);

    public string Name => "soak";

    public string Description => "1,000 mixed access and delete requests over 20 orgs with ~10% injected faults on the real engine; every report checked against the simulator";

    public async Task RunAsync(ScenarioReport report, ScenarioOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        int requests = options.Quick ? 100 : 1_000;
        TimeSpan latency = options.Quick ? TimeSpan.FromMilliseconds(30) : TimeSpan.FromMilliseconds(60);
        TimeSpan jitter = latency / 3;

        await using AzuriteProcess azurite = await AzuriteProcess.StartInMemoryAsync(cancellationToken);
        await using SimulatorHost simulator = await SimulatorHost.StartAsync(new SimulatorOptions { SearchIndexDelay = TimeSpan.Zero }, cancellationToken);
        var orgs = new List<SoakOrg>();
        for (int i = 0; i < Orgs; i++)
        {
            var org = new BenchOrg(simulator, simulator.AddOrg(new SimOrgSpec { OrgId = $"soak-{i:D2}", Edition = Editions[i % Editions.Length] }));
            org.Org.Seed(new SeedSpec { Contacts = 200, Leads = 100, Cases = 50, RelatedPerContact = 2, PlantSubjects = false });
            orgs.Add(new SoakOrg(org));
        }

        // Request i goes to org i % 20; even ones are accesses, odd ones deletes. Each has a subject of its own, so that
        // what one request did is told apart from what any other did; every tenth delete's case is locked.
        var work = new List<SoakRequest>();
        for (int i = 0; i < requests; i++)
        {
            SoakOrg org = orgs[i % Orgs];
            PlantedSubjectRecords subject = SubjectPlanter.Plant(org.Bench.Org, $"soak-{i:D4}@bench-subjects.example", Shape);
            DsrRequestType type = i % 2 == 0 ? DsrRequestType.Access : DsrRequestType.Delete;
            bool locked = type == DsrRequestType.Delete && i % 20 == 1;
            if (locked)
            {
                org.Bench.Org.LockRecord("Cases", subject.IdsByModule["Cases"][0]);
            }

            work.Add(new SoakRequest(org, subject, DsrClient.Request(org.Bench.OrgId, subject.Email, type), locked));
        }

        foreach (SoakOrg org in orgs)
        {
            org.CountBefore();
            org.Bench.SetLatency(latency, jitter);
        }

        await using ProductHost host = await ProductHost.StartAsync(azurite.ConnectionString, orgs.Select(o => o.Bench), null, cancellationToken);
        var tokens = host.Host.App.Services.GetRequiredService<IZohoTokenStore>();
        for (int i = 0; i < Orgs; i++)
        {
            SoakFaults.Arm(orgs[i], i);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task reissuer = SoakFaults.ReissueRevokedTokensAsync(orgs, tokens, stop.Token);

        Console.WriteLine($"== soak: {requests} requests over {Orgs} orgs");
        var clock = Stopwatch.StartNew();
        (IReadOnlyDictionary<string, DateTimeOffset> submitted, IReadOnlyDictionary<string, DsrStatusView> done) = await host.Client.RunPacedAsync(
            work.Select(w => w.Request).ToList(),
            InFlight,
            options.Quick ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(2),
            TimeSpan.FromMinutes(options.Quick ? 30 : 150),
            cancellationToken);
        clock.Stop();
        await stop.CancelAsync();
        await reissuer;

        IReadOnlyDictionary<string, long> fired = SoakFaults.Fired(orgs);
        foreach (SoakOrg org in orgs)
        {
            org.Bench.Org.Faults.Clear();
        }

        var checks = new SoakChecks(report, work);
        checks.EveryRequestEnded(done);
        foreach (SoakRequest request in work)
        {
            checks.ReportEqualsTruth(request, done[request.Request.RequestId!]);
        }

        checks.Summarise();
        checks.NobodyElseTouched(orgs);
        foreach (SoakOrg org in orgs)
        {
            OrgRateGateState? gate = await host.Host.Engine.GetEntityStateAsync<OrgRateGateState>(EntityNames.OrgRateGate, org.Bench.OrgId, cancellationToken);
            checks.NoPermitHeld(org, gate);
            checks.CreditsUnderBudget(org);
        }

        WriteFigures(report, work, submitted, done, orgs, fired, clock.Elapsed, latency, jitter, checks.Violations);
    }

    private static void WriteFigures(
        ScenarioReport report,
        List<SoakRequest> work,
        IReadOnlyDictionary<string, DateTimeOffset> submitted,
        IReadOnlyDictionary<string, DsrStatusView> done,
        List<SoakOrg> orgs,
        IReadOnlyDictionary<string, long> fired,
        TimeSpan wall,
        TimeSpan latency,
        TimeSpan jitter,
        int violations)
    {
        report.Note(string.Create(CultureInfo.InvariantCulture,
            $"{work.Count:N0} requests, at most {InFlight} running at once (the next submitted as one ends), access and delete alternating, over {Orgs} orgs (Standard, Professional, Enterprise in turn; 200 contacts, 100 leads, 50 cases, 2 related records per contact seeded in each). Each request has a subject of its own: {Shape} records. Every tenth delete's case is locked. Zoho latency {latency.TotalMilliseconds:N0} ms ± {jitter.TotalMilliseconds:N0} ms; {ProductHost.EngineDescription}; Azurite in memory; {Environment.ProcessorCount} cores shared by host, simulator and Azurite."));
        report.Note(SoakFaults.Description);
        report.Table(
            ["type", "requests", "completed", "failed", "canceled", "records reported deleted", "records reported failed", "p50", "p95", "max"],
            work.GroupBy(w => w.Request.Type).Select(g =>
            {
                var views = g.Select(w => done[w.Request.RequestId!]).ToList();
                var times = views.Select(v => v.LastUpdatedAt - submitted[v.RequestId]).ToList();
                return (IReadOnlyList<object>)
                [
                    $"{g.Key}".ToLowerInvariant(), views.Count,
                    views.Count(v => v.Status == DsrStatus.Completed), views.Count(v => v.Status == DsrStatus.Failed), views.Count(v => v.Status == DsrStatus.Canceled),
                    views.Sum(v => v.Result?.Records.Count(r => r.Outcome == RecordOutcomeKind.Deleted) ?? 0),
                    views.Sum(v => v.Result?.Records.Count(r => r.Outcome == RecordOutcomeKind.Failed) ?? 0),
                    Percentiles.Of(times, 50), Percentiles.Of(times, 95), times.Max(),
                ];
            }));

        report.Table(
            ["failed requests' cause", "requests", "orgs"],
            work.Select(w => (Request: w, View: done[w.Request.RequestId!]))
                .Where(p => p.View.Status == DsrStatus.Failed)
                .GroupBy(p => p.View.Error ?? string.Empty, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .Select(g => (IReadOnlyList<object>)[g.Key, g.Count(), string.Join(", ", g.Select(p => p.Request.Org.Bench.OrgId).Distinct().Order(StringComparer.Ordinal))]));

        long calls = orgs.Sum(o => o.Bench.Org.Counters.TotalCalls);
        long faults = orgs.Sum(o => o.Bench.Org.Counters.FaultsInjected);
        long reported = done.Values.Sum(v => v.Result?.ApiCalls ?? 0);
        report.Table(
            ["fault", "fired"],
            fired.Select(p => (IReadOnlyList<object>)[p.Key, p.Value]));
        report.Note(string.Create(CultureInfo.InvariantCulture,
            $"Wall {wall.TotalMinutes:N1} min, {work.Count / wall.TotalMinutes:N1} requests/min. Zoho calls answered by the simulator: {calls:N0}, of which {faults:N0} were faults ({100.0 * faults / Math.Max(1, calls):0.0}%); 429s: {orgs.Sum(o => o.Bench.Org.Counters.ThrottledCalls):N0}; token refreshes: {orgs.Sum(o => o.Bench.Org.Counters.TokenRefreshes):N0}. Calls the requests reported (a call whose answer was lost is counted once it was sent): {reported:N0}."));
        report.SetHeadline(string.Create(CultureInfo.InvariantCulture,
            $"headline: {work.Count:N0} requests over {Orgs} orgs with {100.0 * faults / Math.Max(1, calls):0.0}% of Zoho's answers faulted: {done.Values.Count(v => v.Status == DsrStatus.Completed):N0} completed, {done.Values.Count(v => v.Status == DsrStatus.Failed):N0} failed with a cause, in {wall.TotalMinutes:N1} min; {violations:N0} differences between the reports and the simulator's truth"));
    }
}
