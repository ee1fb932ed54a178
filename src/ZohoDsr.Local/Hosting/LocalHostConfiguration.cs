using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using ZohoCrm.Client;
using ZohoDsr.Core;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Secrets;
using ZohoDsr.Core.Telemetry;
using ZohoDsr.Local.Apis;
using ZohoDsr.Local.Engine;

namespace ZohoDsr.Local.Hosting;

/// <summary>How a local host is put together: its configuration sources, org secrets, services and logging.</summary>
internal static class LocalHostConfiguration
{
    public static void AddSources(WebApplicationBuilder builder, LocalHostOptions options)
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

    public static void LoadOrgSecrets(IConfiguration configuration, IReadOnlyList<string> orgIds, InMemoryZohoTokenStore tokenStore)
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

    public static void AddServices(WebApplicationBuilder builder, LocalHostOptions options, InMemoryZohoTokenStore tokenStore, bool useSimulator)
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

        services.AddZohoDsrCore().AddDsrHttpApi().AddDsrMetricsSnapshots();
        services.AddSingleton<MetricsSnapshotRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<MetricsSnapshotRefresher>());
        services.AddSingleton<ManagementServices>();
        services.AddSingleton<EngineSlot>();
        services.AddSingleton(sp => new TaskHubInstanceClient(sp.GetRequiredService<EngineSlot>().Engine, sp.GetRequiredService<ILogger<TaskHubInstanceClient>>()));
        services.AddSingleton<IDsrInstanceClient>(sp => sp.GetRequiredService<TaskHubInstanceClient>());
        services.AddSingleton<IDurableInstanceAdmin>(sp => sp.GetRequiredService<TaskHubInstanceClient>());
        services.AddProblemDetails();
        services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
    }

    public static void AddLogging(WebApplicationBuilder builder, LocalHostOptions options)
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

        // The engine's own traces (every work item, lease and poll) as host.json sets them for Azure.
        builder.Logging.AddFilter("DurableTask.Core", LogLevel.Warning);
        builder.Logging.AddFilter("DurableTask.AzureStorage", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Azure.Core", LogLevel.Warning);
        options.ConfigureLogging?.Invoke(builder.Logging);
    }
}
