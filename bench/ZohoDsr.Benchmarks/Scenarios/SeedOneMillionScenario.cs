using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using ZohoCrm.Simulator;

namespace ZohoDsr.Benchmarks.Scenarios;

/// <summary>Seeds 100,000 then 1,000,000 records into one org: wall time, memory, records/s, and search/COQL latency on the result.</summary>
public sealed class SeedOneMillionScenario : IScenario
{
    public string Name => "seed-1m";

    public string Description => "seed 100k and 1M records into one org: wall time, peak working set, GC heap, records/s";

    public async Task RunAsync(ScenarioReport report, ScenarioOptions options, CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<object>>();
        int[] scales = options.Quick ? [100, 10] : [10, 1];
        foreach (var scale in scales)
        {
            var spec = new SeedSpec
            {
                Contacts = 250_000 / scale,
                Leads = 150_000 / scale,
                Cases = 100_000 / scale,
                RelatedPerContact = 2,
                PlantOver2000Subject = true,
            };
            await using var host = await SimulatorHost.StartAsync(cancellationToken: cancellationToken);
            var org = host.AddOrg(new SimOrgSpec { OrgId = "seed", ConcurrencyLimit = 1_000, DailyCreditLimit = long.MaxValue / 2 });
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            using var self = Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            var pauseBefore = GC.GetTotalPauseDuration();
            var watch = Stopwatch.StartNew();
            var result = org.Seed(spec);
            watch.Stop();
            self.Refresh();
            var cpu = self.TotalProcessorTime - cpuBefore;
            var pause = GC.GetTotalPauseDuration() - pauseBefore;
            var records = result.RecordsByModule.Values.Sum();
            var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
            using var process = Process.GetCurrentProcess();
            var (search, coql) = await MeasureQueriesAsync(host, org, cancellationToken);
            rows.Add([records, watch.Elapsed, cpu, pause, records / watch.Elapsed.TotalSeconds, (heapAfter - heapBefore) / 1_048_576.0,
                process.PeakWorkingSet64 / 1_048_576.0, search, coql]);
        }

        report.Note($"Seeding one org (contacts {250_000 / scales[0]:N0}/{250_000 / scales[1]:N0}, leads {150_000 / scales[0]:N0}/{150_000 / scales[1]:N0}, cases {100_000 / scales[0]:N0}/{100_000 / scales[1]:N0}, ~2 related records per contact, every planted subject).");
        report.Table(["records", "wall time", "CPU time", "GC pause", "records/s", "GC heap (MB)", "peak working set (MB)", "search email ms", "COQL exact ms"], rows);
        report.Note($"Ratio of wall times, larger/smaller: {((TimeSpan)rows[1][1]).TotalSeconds / ((TimeSpan)rows[0][1]).TotalSeconds:N1}x for {(int)rows[1][0] / (double)(int)rows[0][0]:N1}x records.");
    }

    private static async Task<(double Search, double Coql)> MeasureQueriesAsync(SimulatorHost host, SimOrg org, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var tokenResponse = await http.PostAsync(new Uri(host.AccountsUrl(org.DataCenter) + "/oauth/v2/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = org.ClientId,
            ["client_secret"] = org.ClientSecret,
            ["refresh_token"] = org.RefreshToken,
        }), cancellationToken);
        var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Zoho-oauthtoken", token);
        var api = host.ApiDomain(org.DataCenter) + "/crm/v8/";
        const int runs = 20;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            using var r = await http.GetAsync(api + "Contacts/search?email=nina.multi@example.com&fields=Email", cancellationToken);
            r.EnsureSuccessStatusCode();
        }

        var search = watch.Elapsed.TotalMilliseconds / runs;
        watch.Restart();
        for (var i = 0; i < runs; i++)
        {
            using var body = new StringContent("""{"select_query":"select Email from Contacts where Email = 'nina.multi@example.com' or Secondary_Email = 'nina.multi@example.com'"}""");
            using var r = await http.PostAsync(api + "coql", body, cancellationToken);
            r.EnsureSuccessStatusCode();
        }

        return (search, watch.Elapsed.TotalMilliseconds / runs);
    }
}
