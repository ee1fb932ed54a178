using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using ZohoCrm.Client;
using ZohoCrm.Simulator;

namespace ZohoDsr.Benchmarks.Micro;

/// <summary>
/// What the client costs over a raw HTTP GET of the same list page (200 contacts) on the simulator, with the same token
/// header. Each invocation runs <see cref="Callers"/> calls at once, so per-call figures are the results divided by
/// <see cref="Callers"/> and calls/s is <see cref="Callers"/> divided by the mean.
/// </summary>
[MemoryDiagnoser]
public class ClientOverheadBenchmark
{
    private const string OrgId = "bench";

    private SimulatorHost _simulator = null!;
    private ServiceProvider _provider = null!;
    private ZohoCrmClient _client = null!;
    private HttpClient _raw = null!;
    private Uri _listUri = null!;
    private string _authorization = null!;

    /// <summary>Concurrent callers per invocation.</summary>
    [Params(1, 8, 32)]
    public int Callers { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _simulator = await SimulatorHost.StartAsync(new SimulatorOptions { SearchIndexDelay = TimeSpan.Zero });
        SimOrg org = _simulator.AddOrg(new SimOrgSpec { OrgId = OrgId, ConcurrencyLimit = 10_000, DailyCreditLimit = long.MaxValue / 2 });
        for (int i = 0; i < 200; i++)
        {
            org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Person" + i, ["Email"] = $"person{i}@example.org" });
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddZohoCrmClient(o => o.Orgs[OrgId] = new ZohoOrgOptions
        {
            DataCenter = org.DataCenter,
            AccountsUrl = _simulator.AccountsUrl(org.DataCenter),
            ClientId = org.ClientId,
            Version = ZohoCrmClientOptions.ServiceVersion.V8,
        });
        _provider = services.BuildServiceProvider();
        _provider.GetRequiredService<InMemoryZohoTokenStore>().SetCredentials(OrgId, org.ClientSecret, org.RefreshToken);
        _client = _provider.GetRequiredService<IZohoCrmClientFactory>().GetClient(OrgId);
        ZohoAccessToken token = await _provider.GetRequiredService<ZohoTokenProvider>().GetAccessTokenAsync(OrgId);

        _raw = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _authorization = "Zoho-oauthtoken " + token.Token;
        _listUri = new Uri(token.ApiDomain.OriginalString.TrimEnd('/') + "/crm/v8/Contacts?fields=Last_Name,Email&per_page=200&page=1");
        if (await ClientPageAsync() != 200 || (await RawPageAsync()).Length == 0)
        {
            throw new InvalidOperationException("The benchmark's list page is not what it expects.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _raw.Dispose();
        await _provider.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    /// <summary>Raw HttpClient: GET the page with the token header and read the body as a string.</summary>
    [Benchmark(Baseline = true)]
    public Task RawGet() => RunAsync(async () => (await RawPageAsync()).Length);

    /// <summary>
    /// Raw HttpClient doing the work any caller must do with the page: GET it and parse every record's JSON. The gap
    /// between this and the client is the client's own cost (auth, resilience pipeline, paging, usage accounting).
    /// </summary>
    [Benchmark]
    public Task RawGetAndParse() => RunAsync(RawParsedPageAsync);

    /// <summary><see cref="ZohoCrmClient.ListRecordsAsync(string, IReadOnlyList{string}, CancellationToken)"/>: one page of 200 records, every record read.</summary>
    [Benchmark]
    public Task ClientListOnePage() => RunAsync(ClientPageAsync);

    private async Task RunAsync(Func<Task<int>> call)
    {
        if (Callers == 1)
        {
            await call();
            return;
        }

        var calls = new Task<int>[Callers];
        for (int i = 0; i < calls.Length; i++)
        {
            calls[i] = Task.Run(call);
        }

        await Task.WhenAll(calls);
    }

    private async Task<string> RawPageAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _listUri);
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        using HttpResponseMessage response = await _raw.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<int> RawParsedPageAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _listUri);
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        using HttpResponseMessage response = await _raw.SendAsync(request);
        response.EnsureSuccessStatusCode();
        await using Stream body = await response.Content.ReadAsStreamAsync();
        using JsonDocument page = await JsonDocument.ParseAsync(body);
        int count = 0;
        foreach (JsonElement record in page.RootElement.GetProperty("data").EnumerateArray())
        {
            ZohoRecord parsed = new(record.GetProperty("id").GetString()!, record.Clone());
            count += parsed.Id.Length > 0 ? 1 : 0;
        }

        return count;
    }

    private async Task<int> ClientPageAsync()
    {
        int count = 0;
        await foreach (ZohoRecord record in _client.ListRecordsAsync("Contacts", ["Last_Name", "Email"]))
        {
            count += record.Id.Length > 0 ? 1 : 0;
        }

        return count;
    }
}
