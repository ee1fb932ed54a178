using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ZohoCrm.Client;
using ZohoDsr.Core;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Secrets;
using ZohoDsr.Core.Telemetry;
using ZohoDsr.Functions.Configuration;
using ZohoDsr.Functions.Http;

namespace ZohoDsr.Functions;

/// <summary>
/// The Functions app's services: the Key Vault token store and audit subject key, Core, the HTTP adapters, the checks run
/// on start. It adds what it needs and removes nothing.
/// </summary>
public static class FunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddZohoDsrFunctions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);

        // Zoho secrets and the shared access token live in Key Vault (managed identity in Azure; AZURE_CLIENT_ID names it).
        // Registered before Core, whose defaults (an in-memory token store, a configured audit key) then stay out.
        services.TryAddSingleton(provider =>
        {
            DsrOptions options = provider.GetRequiredService<IOptions<DsrOptions>>().Value;
            Uri vault = options.KeyVaultUri ?? throw new OptionsValidationException(
                DsrOptions.SectionName, typeof(DsrOptions), [FunctionsDsrOptionsValidator.KeyVaultUriMissing]);
            return new SecretClient(vault, new DefaultAzureCredential());
        });
        services.TryAddSingleton<IZohoTokenStore, KeyVaultZohoTokenStore>();

        // The key of the audit log's subject hashes: the Key Vault secret ZohoDsr:Audit:SubjectKeySecretName
        // (default audit-subject-key), read through the same client; Core's start-up check reads it once on start.
        services.TryAddSingleton<IAuditSubjectKeyProvider>(provider => new KeyVaultAuditSubjectKeyProvider(
            provider.GetRequiredService<SecretClient>(),
            provider.GetRequiredService<IOptions<DsrOptions>>().Value.Audit.SubjectKeySecretName,
            provider.GetRequiredService<TimeProvider>()));

        services.AddZohoDsrCore();
        services.AddZohoDsrFunctionsOptionsValidation();

        // The Durable client is a per-invocation binding, so the HTTP functions make their DsrHttpApi per call
        // (DsrHttpApiFactory) over the contract's shared parts rather than from the container.
        services.AddDsrHttpContract();
        services.TryAddSingleton<DsrHttpApiFactory>();

        // The gauges' snapshot, refreshed by the RefreshMetrics timer function.
        services.AddDsrMetricsSnapshots();
        return services;
    }

    /// <summary>
    /// The app's own start-up checks on top of Core's and the client's: the settings Azure needs (Key Vault, webhook secret,
    /// task hub, retention) and org ids that can name Key Vault secrets. A missing setting fails the host naming its key.
    /// </summary>
    internal static IServiceCollection AddZohoDsrFunctionsOptionsValidation(this IServiceCollection services)
    {
        services.AddOptions<DsrOptions>().ValidateOnStart();
        services.AddOptions<ZohoCrmClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DsrOptions>, FunctionsDsrOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ZohoCrmClientOptions>, FunctionsZohoOptionsValidator>());
        return services;
    }
}
