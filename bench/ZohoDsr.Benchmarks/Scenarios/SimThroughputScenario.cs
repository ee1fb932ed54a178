using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ZohoCrm.Simulator;

namespace ZohoDsr.Benchmarks.Scenarios;

/// <summary>Requests per second for list, search and COQL with 1, 8 and 32 concurrent callers over loopback HTTP.</summary>
public sealed class SimThroughputScenario : IScenario
{
    public string Name => "sim-throughput";

    public string Description => "requests/s for GET list, search and COQL with 1/8/32 concurrent callers on loopback";

    public async Task RunAsync(ScenarioReport report, ScenarioOptions options, CancellationToken cancellationToken)
    {
        TimeSpan duration = options.Quick ? TimeSpan.FromSeconds(0.25) : TimeSpan.FromSeconds(3);
        int scale = options.Quick ? 10 : 1;
        int[] callerCounts = options.Quick ? [1, 8] : [1, 8, 32];
        await using var host = await SimulatorHost.StartAsync(cancellationToken: cancellationToken);
        var org = host.AddOrg(new SimOrgSpec { OrgId = "throughput", ConcurrencyLimit = 1_000, DailyCreditLimit = long.MaxValue / 2 });
        var seed = org.Seed(new SeedSpec { Contacts = 50_000 / scale, Leads = 20_000 / scale, Cases = 10_000 / scale, RelatedPerContact = 2 });
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256 };
        using var http = new HttpClient(handler);
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
        var email = seed.Subjects.Single(s => s.Name == "multi-module").Email;
        var operations = new (string Name, Func<HttpRequestMessage> Request)[]
        {
            ("GET list (200 records, 5 fields)", () => new HttpRequestMessage(HttpMethod.Get, api + "Contacts?fields=First_Name,Last_Name,Email,Secondary_Email,Owner&per_page=200")),
            ("GET list (10 records, all fields)", () => new HttpRequestMessage(HttpMethod.Get, api.Replace("/v8/", "/v2/", StringComparison.Ordinal) + "Contacts?per_page=10")),
            ("search email=", () => new HttpRequestMessage(HttpMethod.Get, api + "Contacts/search?email=" + email)),
            ("COQL exact email", () => new HttpRequestMessage(HttpMethod.Post, api + "coql")
            {
                Content = new StringContent($$"""{"select_query":"select Last_Name, Email from Contacts where Email = '{{email}}' or Secondary_Email = '{{email}}'"}""", Encoding.UTF8, "application/json"),
            }),
        };

        var rows = new List<IReadOnlyList<object>>();
        foreach (var (name, request) in operations)
        {
            using (var check = await http.SendAsync(request(), cancellationToken))
            {
                if (check.StatusCode != System.Net.HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{name} answered {(int)check.StatusCode}; the scenario measures answers with data.");
                }
            }

            await RunAsync(http, request, 1, options.Quick ? duration : TimeSpan.FromSeconds(0.5), cancellationToken);
            foreach (var callers in callerCounts)
            {
                org.Counters.Reset();
                var (count, errors, p50, p99) = await RunAsync(http, request, callers, duration, cancellationToken);
                rows.Add([name, callers, count / duration.TotalSeconds, p50, p99, errors, org.Counters.PeakConcurrency]);
            }
        }

        report.Note($"Loopback HTTP/1.1, one HttpClient, {duration.TotalSeconds:N1} s per cell, org of {seed.RecordsByModule.Values.Sum():N0} records, {Environment.ProcessorCount} cores (client and server share them).");
        report.Table(["operation", "callers", "requests/s", "p50 ms", "p99 ms", "errors", "peak concurrency"], rows);
    }

    private static async Task<(long Count, long Errors, double P50, double P99)> RunAsync(
        HttpClient http, Func<HttpRequestMessage> request, int callers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[callers];
        long errors = 0;
        var tasks = Enumerable.Range(0, callers).Select(async i =>
        {
            var mine = latencies[i] = [];
            while (Stopwatch.GetTimestamp() < stopAt && !cancellationToken.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                using var message = request();
                using var response = await http.SendAsync(message, cancellationToken);
                await response.Content.CopyToAsync(Stream.Null, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        });
        await Task.WhenAll(tasks);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length, errors, all[all.Length / 2], all[Math.Min(all.Length - 1, (int)(all.Length * 0.99))]);
    }
}
