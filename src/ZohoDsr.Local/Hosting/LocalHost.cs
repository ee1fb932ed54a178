using DurableTask.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ZohoCrm.Client;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Functions.Orchestrations;
using ZohoDsr.Local.Apis;
using ZohoDsr.Local.Engine;
using ZohoDsr.Local.Storage;

namespace ZohoDsr.Local.Hosting;

/// <summary>
/// The local host: the Functions app's HTTP contract on Kestrel, and the Functions app's own orchestrator, activities and
/// entity on the Durable Task Framework with the Azure Storage provider, the engine Azure runs them on. Storage is
/// Azurite, started from <c>eng/azurite</c> with its data under <see cref="LocalHostOptions.StatePath"/>, unless
/// <c>ZohoDsr:Storage:ConnectionString</c> (or <c>AzureWebJobsStorage</c>) names an account. Zoho is the orgs configured
/// under <c>Zoho:Orgs</c> or, when none is, an in-process simulator with a seeded demo org.
/// </summary>
public sealed class LocalHost : IAsyncDisposable
{
    /// <summary>The setting naming a Storage account for the task hub (else Azurite).</summary>
    public const string StorageConnectionStringKey = "ZohoDsr:Storage:ConnectionString";

    /// <summary>The Functions host's storage setting, honoured as a fallback.</summary>
    public const string WebJobsStorageKey = "AzureWebJobsStorage";

    private int _stopped;

    private LocalHost(WebApplication app, DemoEnvironment? demo, AzuriteProcess? azurite, LocalHostOptions options, string signingSecret, bool signingSecretGenerated, string exportPath, IReadOnlyList<string> orgIds)
    {
        App = app;
        Demo = demo;
        Azurite = azurite;
        Options = options;
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

    /// <summary>The Azurite the task hub lives in, or null when a Storage account is configured.</summary>
    public AzuriteProcess? Azurite { get; }

    public LocalHostOptions Options { get; }

    /// <summary>The webhook signing secret the host verifies with.</summary>
    public string SigningSecret { get; }

    /// <summary>True when <see cref="SigningSecret"/> was generated at start (no <c>ZohoDsr:Webhook:SigningSecret</c>).</summary>
    public bool SigningSecretGenerated { get; }

    /// <summary>The folder exports and audit logs are written to.</summary>
    public string ExportPath { get; }

    /// <summary>The org ids the host accepts.</summary>
    public IReadOnlyList<string> OrgIds { get; }

    /// <summary>The Durable Task engine running the app's durable functions.</summary>
    public DurableEngine Engine => App.Services.GetRequiredService<EngineSlot>().Engine;

    /// <summary>The requests found unfinished in the task hub at start, which this host resumes.</summary>
    public IReadOnlyList<UnfinishedRequest> Resumed { get; private set; } = [];

    /// <summary>Builds and starts the host; the returned host is listening and its engine is running.</summary>
    public static async Task<LocalHost> StartAsync(LocalHostOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. options.Args],
            ApplicationName = typeof(LocalHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        LocalHostConfiguration.AddSources(builder, options);
        builder.Configuration.AddInMemoryCollection(options.Settings);

        IConfigurationSection orgsSection = builder.Configuration.GetSection($"{ZohoCrmClientOptions.SectionName}:Orgs");
        bool useSimulator = options.UseSimulator ?? !orgsSection.GetChildren().Any();
        LocalHostSettings generated = LocalHostSettings.Complete(builder.Configuration, options);
        var tokenStore = new InMemoryZohoTokenStore();
        var owned = new OwnedResources();
        try
        {
            string? connectionString = StorageConnectionString(builder.Configuration);
            if (connectionString is null)
            {
                owned.Azurite = await AzuriteProcess.StartOrJoinAsync(
                    options.StatePath ?? Path.Combine(Directory.GetCurrentDirectory(), LocalHostOptions.DefaultStateFolder), cancellationToken).ConfigureAwait(false);
                connectionString = owned.Azurite.ConnectionString;
            }

            if (useSimulator)
            {
                owned.Demo = await DemoEnvironment.StartAsync(options, generated.Values, tokenStore, cancellationToken).ConfigureAwait(false);
            }

            foreach ((string key, string? value) in options.Settings)
            {
                generated.Values[key] = value;
            }

            builder.Configuration.AddInMemoryCollection(generated.Values);
            IReadOnlyList<string> orgIds = [.. orgsSection.GetChildren().Select(o => o.Key)];
            if (!useSimulator)
            {
                LocalHostConfiguration.LoadOrgSecrets(builder.Configuration, orgIds, tokenStore);
            }

            LocalHostConfiguration.AddServices(builder, options, tokenStore, useSimulator);
            LocalHostConfiguration.AddLogging(builder, options);
            LocalTelemetry.AddTelemetry(builder);
            builder.WebHost.UseUrls(options.Urls);
            WebApplication app = builder.Build();
            app.MapDsrApi();
            app.MapDurableManagementApi();

            var host = new LocalHost(app, owned.Demo, owned.Azurite, options, generated.SigningSecret, generated.SigningSecretGenerated, generated.ExportPath, orgIds);
            owned = new OwnedResources(); // owned by the host from here on
            await host.StartAsync(connectionString, cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await owned.DisposeAsync().ConfigureAwait(false);
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

    /// <summary>The requests of the task hub not yet finished (pending, running, waiting for approval or a timer, suspended).</summary>
    public async Task<IReadOnlyList<UnfinishedRequest>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        var unfinished = new List<UnfinishedRequest>();
        foreach (OrchestrationState state in await Engine.ListUnfinishedAsync(cancellationToken).ConfigureAwait(false))
        {
            string instanceId = state.OrchestrationInstance.InstanceId;
            DsrInstanceState? detail = await App.Services.GetRequiredService<TaskHubInstanceClient>().GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
            unfinished.Add(new UnfinishedRequest(
                instanceId,
                detail?.Input?.RequestId,
                detail?.Input?.OrgId,
                detail is null ? StatusOf(state.OrchestrationStatus) : DsrHttpApi.StatusOf(detail)));
        }

        return unfinished;
    }

    private static DsrStatus StatusOf(OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Pending => DsrStatus.Pending,
        OrchestrationStatus.Suspended => DsrStatus.Suspended,
        _ => DsrStatus.Running,
    };

    /// <summary>
    /// Stops accepting HTTP requests and stops the engine. Nothing is canceled: the requests still running stay in the task
    /// hub and resume when a host starts again on the same storage. Returns them.
    /// </summary>
    public async Task<IReadOnlyList<UnfinishedRequest>> StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return [];
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await App.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        EngineSlot slot = App.Services.GetRequiredService<EngineSlot>();
        if (!slot.IsSet)
        {
            return [];
        }

        IReadOnlyList<UnfinishedRequest> unfinished = Options.DeleteTaskHubOnStop ? [] : await ListUnfinishedAsync(CancellationToken.None).ConfigureAwait(false);
        await slot.Engine.StopAsync().ConfigureAwait(false);
        if (Options.DeleteTaskHubOnStop)
        {
            await slot.Engine.DeleteTaskHubAsync().ConfigureAwait(false);
        }

        ILogger logger = App.Services.GetRequiredService<ILoggerFactory>().CreateLogger<LocalHost>();
        foreach (UnfinishedRequest request in unfinished)
        {
            Log.RequestLeftRunning(logger, request.RequestId ?? "?", request.OrgId ?? "?", request.Status);
        }

        return unfinished;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Volatile.Read(ref _stopped) == 0)
            {
                await StopAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            EngineSlot slot = App.Services.GetRequiredService<EngineSlot>();
            if (slot.IsSet)
            {
                await slot.Engine.DisposeAsync().ConfigureAwait(false);
            }

            await App.DisposeAsync().ConfigureAwait(false);
            await new OwnedResources { Demo = Demo, Azurite = Azurite }.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The Storage account named by configuration, or null for Azurite.</summary>
    internal static string? StorageConnectionString(IConfiguration configuration)
        => configuration[StorageConnectionStringKey] is { Length: > 0 } named
            ? named
            : configuration[WebJobsStorageKey] is { Length: > 0 } webJobs ? webJobs : null;

    /// <summary>Starts the engine, then Kestrel; on failure the host is disposed.</summary>
    private async Task StartAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await StartEngineAsync(connectionString, cancellationToken).ConfigureAwait(false);
            await App.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await DisposeAsync().ConfigureAwait(false);
            throw new LocalHostException($"Cannot listen on {Options.Urls}: {ex.Message} Pass another --port (or --urls).", ex);
        }
        catch
        {
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }

        string address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? Options.Urls;
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        Log.HostStarted(App.Services.GetRequiredService<ILoggerFactory>().CreateLogger<LocalHost>(), OrgIds.Count);
    }

    private async Task StartEngineAsync(string connectionString, CancellationToken cancellationToken)
    {
        HostJsonDurableSettings hostJson = HostJsonDurableSettings.Read(Path.Combine(AppContext.BaseDirectory, HostJsonDurableSettings.FileName));
        IConfiguration configuration = App.Configuration;
        string taskHub = Options.TaskHub ?? hostJson.ResolveHubName(configuration, new DsrOptions().TaskHub);
        EngineSettings settings = configuration.GetSection(EngineSettings.SectionName).Get<EngineSettings>() ?? new EngineSettings();
        var engineOptions = new DurableEngineOptions
        {
            ConnectionString = connectionString,
            TaskHubName = taskHub,
            PartitionCount = hostJson.PartitionCount,
            MaxConcurrentActivities = hostJson.MaxConcurrentActivities,
            MaxConcurrentOrchestrations = hostJson.MaxConcurrentOrchestrations,
            MaxConcurrentEntities = hostJson.MaxConcurrentEntities,
            MaxQueuePollingInterval = settings.MaxQueuePollingInterval,
            WorkItemVisibilityTimeout = settings.WorkItemVisibilityTimeout,
            ControlQueueVisibilityTimeout = settings.ControlQueueVisibilityTimeout,
            LeaseInterval = settings.LeaseInterval,
            WorkerId = settings.WorkerId,
        };

        IReadOnlyList<DurableFunction> functions = DurableFunctionCatalog.Read(typeof(DsrOrchestrator).Assembly);
        App.Services.GetRequiredService<EngineSlot>().Engine = await DurableEngine.StartAsync(
            engineOptions, functions, App.Services, App.Services.GetRequiredService<ILoggerFactory>(), cancellationToken).ConfigureAwait(false);
        Resumed = await ListUnfinishedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What a start made before the host took it over, released if the start fails.</summary>
    private sealed class OwnedResources : IAsyncDisposable
    {
        public DemoEnvironment? Demo { get; set; }

        public AzuriteProcess? Azurite { get; set; }

        public async ValueTask DisposeAsync()
        {
            if (Demo is not null)
            {
                await Demo.Simulator.DisposeAsync().ConfigureAwait(false);
            }

            if (Azurite is not null)
            {
                await Azurite.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
