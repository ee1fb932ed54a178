using ZohoCrm.Simulator.Apis;

namespace ZohoCrm.Simulator;

/// <summary>
/// A Zoho CRM simulator on Kestrel. One listener serves every data centre: the accounts server of DC <c>eu</c> is
/// <c>{BaseUri}accounts/eu</c> and its API domain <c>{BaseUri}api/eu</c> (CRM base <c>{api_domain}/crm/{version}</c>).
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimRegistry _registry;
    private int _disposed;

    private SimulatorHost(WebApplication app, SimRegistry registry, Uri baseUri)
    {
        _app = app;
        _registry = registry;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public SimulatorOptions Options => _registry.Options;

    public IEnumerable<SimOrg> Orgs => _registry.Orgs;

    public static async Task<SimulatorHost> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
            Args = [],
        });
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Logging.ClearProviders();
        if (options.LogToConsole)
        {
            builder.Logging.AddSimpleConsole();
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        var app = builder.Build();
        var registry = new SimRegistry(options) { Stopping = app.Lifetime.ApplicationStopping };
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ZohoCrm.Simulator");
        var pipeline = new CrmPipeline(registry, logger);
        app.MapOAuthApi(registry);
        app.MapAdminApi(registry);
        var crm = app.MapGroup("/api/{dc}/crm/{version}");
        crm.MapMetadataApi(pipeline);
        crm.MapRecycleBinApi(pipeline);
        crm.MapCoqlApi(pipeline);
        crm.MapSearchApi(pipeline);
        crm.MapRecordsApi(pipeline);
        crm.MapRelatedRecordsApi(pipeline);
        app.MapFallback(ZohoResponses.InvalidUrlAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        var baseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        registry.BaseUri = baseUri;
        Log.Started(logger, 0);
        return new SimulatorHost(app, registry, baseUri);
    }

    /// <summary>The accounts server URL of a data centre (token URL = this + <c>/oauth/v2/token</c>).</summary>
    public Uri AccountsUrl(string dataCenter) => _registry.AccountsUrl(dataCenter);

    /// <summary>The <c>api_domain</c> token responses return for a data centre.</summary>
    public Uri ApiDomain(string dataCenter) => _registry.ApiDomain(dataCenter);

    public SimOrg AddOrg(SimOrgSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return _registry.Add(spec);
    }

    public SimOrg GetOrg(string orgId) =>
        _registry.Find(orgId) ?? throw new KeyNotFoundException($"No org '{orgId}' in the simulator.");

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
