using Microsoft.Extensions.Logging;
using ZohoDsr.Local.Hosting;

namespace ZohoDsr.Benchmarks.Harness;

/// <summary>
/// The product as the local host runs it, in this process: Kestrel with the HTTP contract, and the Functions app's
/// durable functions on the Durable Task Framework over a task hub of its own in the given Azurite, calling the given
/// simulator orgs as configured Zoho orgs. Driven only through its public entry points (<see cref="LocalHost"/>, HTTP),
/// so that a later run measures whatever the product has become.
/// </summary>
public sealed class ProductHost : IAsyncDisposable
{
    private readonly string _exportPath;

    private ProductHost(LocalHost host, string exportPath)
    {
        Host = host;
        _exportPath = exportPath;
        Client = new DsrClient(host.BaseAddress, host.SigningSecret);
    }

    public LocalHost Host { get; }

    public DsrClient Client { get; }

    /// <summary>The engine's defaults in the local host this runs with, for the reports.</summary>
    public static string EngineDescription => "local host engine defaults (host.json: 10 activities and 5 orchestrations at once per process; queue polling up to 0.5 s)";

    public static async Task<ProductHost> StartAsync(
        string storageConnectionString,
        IEnumerable<BenchOrg> orgs,
        IReadOnlyDictionary<string, string>? settings,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orgs);
        string exportPath = Path.Combine(Path.GetTempPath(), "zohodsr-bench-" + Guid.NewGuid().ToString("N"));
        var options = new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            UseSimulator = false,
            UseAmbientConfiguration = false,
            MinimumLogLevel = LogLevel.Error,
            ExportPath = exportPath,
            TaskHub = "bench" + Guid.NewGuid().ToString("N")[..12],
            DeleteTaskHubOnStop = true,
        };
        options.Settings[LocalHost.StorageConnectionStringKey] = storageConnectionString;
        foreach (BenchOrg org in orgs)
        {
            foreach ((string key, string value) in org.Settings())
            {
                options.Settings[key] = value;
            }
        }

        foreach ((string key, string value) in settings ?? new Dictionary<string, string>())
        {
            options.Settings[key] = value;
        }

        LocalHost host = await LocalHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
        return new ProductHost(host, exportPath);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync().ConfigureAwait(false);
        if (Directory.Exists(_exportPath))
        {
            Directory.Delete(_exportPath, recursive: true);
        }
    }
}
