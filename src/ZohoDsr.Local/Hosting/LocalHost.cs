using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ZohoCrm.Client;
using ZohoCrm.Simulator;
using ZohoDsr.Core;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Engine;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Secrets;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using ZohoDsr.Local.Apis;

namespace ZohoDsr.Local.Hosting;

/// <summary>
/// The local host: the Functions app's HTTP contract on Kestrel, backed by the in-process engine and the local-folder
/// export store, against the orgs configured under <c>Zoho:Orgs</c> or, when none is, an in-process simulator with a
/// seeded demo org.
/// </summary>
public sealed class LocalHost : IAsyncDisposable
{
    private const string SigningSecretKey = "ZohoDsr:Webhook:SigningSecret";
    private int _stopped;

    private LocalHost(WebApplication app, DemoEnvironment? demo, string signingSecret, bool signingSecretGenerated, string exportPath, IReadOnlyList<string> orgIds)
    {
        App = app;
        Demo = demo;
        SigningSecret = signingSecret;
        SigningSecretGenerated = signingSecretGenerated;
        ExportPath = exportPath;
        OrgIds = orgIds;
    }

    public WebApplication App { get; }

    /// <summary>The address Kestrel bound (the real port when asked for port 0), e.g. <c>http://127.0.0.1:7071</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The simulator and its demo org, or null when the host serves real orgs.</summary>
    public DemoEnvironment? Demo { get; }

    /// <summary>The webhook signing secret the host verifies with.</summary>
    public string SigningSecret { get; }

    /// <summary>True when <see cref="SigningSecret"/> was generated at start (no <c>ZohoDsr:Webhook:SigningSecret</c>).</summary>
    public bool SigningSecretGenerated { get; }

    /// <summary>The folder exports and audit logs are written to.</summary>
    public string ExportPath { get; }

    /// <summary>The org ids the host accepts.</summary>
    public IReadOnlyList<string> OrgIds { get; }

    public InProcessDsrEngine Engine => App.Services.GetRequiredService<EngineOwner>().Engine;

    public RequestTracker Requests => App.Services.GetRequiredService<RequestTracker>();

    /// <summary>Builds and starts the host; the returned host is listening.</summary>
    public static async Task<LocalHost> StartAsync(LocalHostOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. options.Args],
            ApplicationName = typeof(LocalHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        ConfigureSources(builder, options);
        builder.Configuration.AddInMemoryCollection(options.Settings);

        IConfigurationSection orgsSection = builder.Configuration.GetSection($"{ZohoCrmClientOptions.SectionName}:Orgs");
        bool useSimulator = options.UseSimulator ?? !orgsSection.GetChildren().Any();

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        string exportPath = builder.Configuration[$"{DsrOptions.SectionName}:Exports:LocalPath"] is { Length: > 0 } configuredPath
            ? Path.GetFullPath(configuredPath)
            : Path.GetFullPath(options.ExportPath ?? Path.Combine(Directory.GetCurrentDirectory(), ".local-exports"));
        settings[$"{DsrOptions.SectionName}:Exports:LocalPath"] = exportPath;
        if (string.IsNullOrEmpty(builder.Configuration[$"{DsrOptions.SectionName}:Exports:Kind"]))
        {
            settings[$"{DsrOptions.SectionName}:Exports:Kind"] = "LocalFolder";
        }

        // On loopback there is no system key to leak: answer with Durable's management URIs, as `func start` does.
        if (string.IsNullOrEmpty(builder.Configuration[$"{DsrOptions.SectionName}:Webhook:IncludeDurableManagementUris"]))
        {
            settings[$"{DsrOptions.SectionName}:Webhook:IncludeDurableManagementUris"] = "true";
        }

        string? signingSecret = builder.Configuration[SigningSecretKey];
        bool generated = string.IsNullOrEmpty(signingSecret);
        if (generated)
        {
            signingSecret = RandomNumberGenerator.GetHexString(48, lowercase: true);
            settings[SigningSecretKey] = signingSecret;
        }

        var tokenStore = new InMemoryZohoTokenStore();
        DemoEnvironment? demo = null;
        try
        {
            if (useSimulator)
            {
                demo = await StartSimulatorAsync(options, settings, tokenStore, cancellationToken).ConfigureAwait(false);
            }

            foreach ((string key, string? value) in options.Settings)
            {
                settings[key] = value;
            }

            builder.Configuration.AddInMemoryCollection(settings);
            IReadOnlyList<string> orgIds = [.. orgsSection.GetChildren().Select(o => o.Key)];
            if (!useSimulator)
            {
                LoadOrgSecrets(builder.Configuration, orgIds, tokenStore);
            }

            ConfigureServices(builder, options, tokenStore, useSimulator);
            ConfigureLogging(builder, options);
            builder.WebHost.UseUrls(options.Urls);

            WebApplication app = builder.Build();
            app.MapDsrApi();
            app.MapDurableManagementApi();

            var host = new LocalHost(app, demo, signingSecret!, generated, exportPath, orgIds);
            demo = null; // owned by the host from here on
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                await host.DisposeAsync().ConfigureAwait(false);
                throw new LocalHostException($"Cannot listen on {options.Urls}: {ex.Message} Pass another --port (or --urls).", ex);
            }
            catch
            {
                await host.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? options.Urls;
            host.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
            Log.HostStarted(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<LocalHost>(), orgIds.Count);
            return host;
        }
        catch
        {
            if (demo is not null)
            {
                await demo.Simulator.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Waits until Ctrl+C / SIGTERM or <paramref name="cancellationToken"/>.</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        var lifetime = App.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using CancellationTokenRegistration onStopping = lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        using CancellationTokenRegistration onCanceled = cancellationToken.Register(() => stopping.TrySetResult());
        await stopping.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Stops accepting HTTP requests, then cancels every request still running (the engine's disposal) and returns them
    /// with the status the engine left them in.
    /// </summary>
    public async Task<IReadOnlyList<CanceledRequest>> StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return [];
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await App.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        var owner = App.Services.GetRequiredService<EngineOwner>();
        var running = new List<TrackedRequest>();
        foreach (TrackedRequest request in Requests.All)
        {
            DsrInstanceState? state = await owner.Engine.GetAsync(request.InstanceId, CancellationToken.None).ConfigureAwait(false);
            if (state is { RuntimeStatus: DsrRuntimeStatus.Pending or DsrRuntimeStatus.Running or DsrRuntimeStatus.Suspended })
            {
                running.Add(request);
            }
        }

        await owner.DisposeAsync().ConfigureAwait(false);

        ILogger logger = App.Services.GetRequiredService<ILoggerFactory>().CreateLogger<LocalHost>();
        var canceled = new List<CanceledRequest>();
        foreach (TrackedRequest request in running)
        {
            string status = "Canceled";
            try
            {
                DsrInstanceState? state = await owner.Engine.GetAsync(request.InstanceId, CancellationToken.None).ConfigureAwait(false);
                status = state?.Output?.Status.ToString() ?? state?.RuntimeStatus.ToString() ?? status;
            }
            catch (ObjectDisposedException)
            {
                // The engine answers no more after its disposal: the request was canceled by it.
            }

            Log.RequestCanceledOnShutdown(logger, request.RequestId, request.OrgId, status);
            canceled.Add(new CanceledRequest(request.RequestId, request.OrgId, status));
        }

        return canceled;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Volatile.Read(ref _stopped) == 0 && BaseAddress is not null)
            {
                await StopAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await App.Services.GetRequiredService<EngineOwner>().DisposeAsync().ConfigureAwait(false);
            await App.DisposeAsync().ConfigureAwait(false);
            if (Demo is not null)
            {
                await Demo.Simulator.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static void ConfigureSources(WebApplicationBuilder builder, LocalHostOptions options)
    {
        if (!options.UseAmbientConfiguration)
        {
            builder.Configuration.Sources.Clear();
            return;
        }

        if (!builder.Environment.IsDevelopment())
        {
            // User secrets hold a real org's client secret and refresh token (the auth command writes them there).
            builder.Configuration.AddUserSecrets(typeof(LocalHost).Assembly, optional: true, reloadOnChange: false);
            builder.Configuration.AddEnvironmentVariables();
            builder.Configuration.AddCommandLine([.. options.Args]);
        }
    }

    private static async Task<DemoEnvironment> StartSimulatorAsync(LocalHostOptions options, Dictionary<string, string?> settings, InMemoryZohoTokenStore tokenStore, CancellationToken cancellationToken)
    {
        SimulatorHost simulator = await SimulatorHost.StartAsync(options.SimulatorOptions, cancellationToken).ConfigureAwait(false);
        try
        {
            const string orgId = LocalHostOptions.DemoOrgId;
            const string dataCenter = "US";
            SimOrg org = simulator.AddOrg(new SimOrgSpec { OrgId = orgId, DataCenter = dataCenter });
            SeedResult seed = org.Seed(options.DemoSeed);

            string prefix = $"{ZohoCrmClientOptions.SectionName}:Orgs:{orgId}";
            settings[$"{prefix}:DataCenter"] = dataCenter;
            settings[$"{prefix}:AccountsUrl"] = simulator.AccountsUrl(dataCenter).ToString();
            settings[$"{prefix}:ClientId"] = org.ClientId;
            settings[$"{prefix}:Edition"] = "Enterprise";
            tokenStore.SetCredentials(orgId, org.ClientSecret, org.RefreshToken);
            return new DemoEnvironment(simulator, org, orgId, seed);
        }
        catch
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static void LoadOrgSecrets(IConfiguration configuration, IReadOnlyList<string> orgIds, InMemoryZohoTokenStore tokenStore)
    {
        bool keyVault = !string.IsNullOrEmpty(configuration[$"{DsrOptions.SectionName}:KeyVaultUri"]);
        foreach (string orgId in orgIds)
        {
            string prefix = $"{ZohoCrmClientOptions.SectionName}:Orgs:{orgId}";
            string? clientSecret = configuration[$"{prefix}:ClientSecret"];
            string? refreshToken = configuration[$"{prefix}:RefreshToken"];
            if (!string.IsNullOrEmpty(clientSecret) && !string.IsNullOrEmpty(refreshToken))
            {
                tokenStore.SetCredentials(orgId, clientSecret, refreshToken);
            }
            else if (!keyVault)
            {
                string missing = string.IsNullOrEmpty(clientSecret) ? $"{prefix}:ClientSecret" : $"{prefix}:RefreshToken";
                throw new LocalHostException(
                    $"{missing} is not set: store it with `dotnet user-secrets --id zohodsr-local set \"{missing}\" ...` "
                    + $"(or run the auth command), or set {DsrOptions.SectionName}:KeyVaultUri.");
            }
        }
    }

    private static void ConfigureServices(WebApplicationBuilder builder, LocalHostOptions options, InMemoryZohoTokenStore tokenStore, bool useSimulator)
    {
        IServiceCollection services = builder.Services;
        services.AddSingleton(options.TimeProvider);
        if (builder.Configuration[$"{DsrOptions.SectionName}:KeyVaultUri"] is { Length: > 0 } vault && !useSimulator)
        {
            if (!Uri.TryCreate(vault, UriKind.Absolute, out Uri? vaultUri) || vaultUri.Scheme != Uri.UriSchemeHttps)
            {
                throw new LocalHostException($"{DsrOptions.SectionName}:KeyVaultUri must be an https URL (https://NAME.vault.azure.net).");
            }

            services.AddSingleton<IZohoTokenStore>(sp => new KeyVaultZohoTokenStore(
                new SecretClient(vaultUri, new DefaultAzureCredential()),
                sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            services.AddSingleton<IZohoTokenStore>(tokenStore);
        }
        services.AddZohoDsrCore();
        services.AddSingleton<EngineOwner>();
        services.AddSingleton<RequestTracker>();
        services.AddSingleton<IDsrInstanceClient>(sp => new TrackingInstanceClient(
            sp.GetRequiredService<EngineOwner>().Engine,
            sp.GetRequiredService<RequestTracker>(),
            sp.GetRequiredService<ILogger<TrackingInstanceClient>>()));
        services.AddProblemDetails();
        services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
    }

    private static void ConfigureLogging(WebApplicationBuilder builder, LocalHostOptions options)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);

        // Framework request and HTTP client logs carry URLs (the client's search URLs hold the subject's email).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.None);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
    }
}
