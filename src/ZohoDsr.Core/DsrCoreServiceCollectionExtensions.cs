using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ZohoCrm.Client;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Callbacks;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Secrets;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Core;

/// <summary>Registers the product's logic for either host.</summary>
public static class DsrCoreServiceCollectionExtensions
{
    /// <summary>Time allowed for one callback delivery attempt.</summary>
    public static readonly TimeSpan CallbackTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The product's logic, for any host: binds and validates <see cref="Configuration.DsrOptions"/> (section
    /// <c>ZohoDsr</c>), adds the Zoho client (<c>AddZohoCrmClient</c>), every activity handler, the export store chosen by
    /// <c>ZohoDsr:Exports:Kind</c> and the audit log. Nothing of a host: a host that serves the HTTP contract from its
    /// container adds <see cref="Http.DsrHttpApiServiceCollectionExtensions.AddDsrHttpApi"/>. A host's own token store or
    /// audit subject key provider, registered before this call, is kept.
    /// </summary>
    public static IServiceCollection AddZohoDsrCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DsrOptions>().BindConfiguration(DsrOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DsrOptions>, DsrOptionsValidator>());
        services.AddZohoCrmClient();
        services.AddDsrMetrics();

        services.TryAddSingleton<IExportStore>(sp => CreateExportStore(sp.GetRequiredService<IOptions<DsrOptions>>().Value.Exports));
        services.TryAddSingleton<IAuditSubjectKeyProvider>(CreateAuditSubjectKeyProvider);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AuditSubjectKeyCheck>());
        services.TryAddSingleton<AuditWriter>();
        services.TryAddSingleton<ActivityZohoClients>();
        services.TryAddSingleton<ZohoActivityRunner>();
        services.TryAddSingleton<OrgMetadataCache>();

        services.TryAddTransient<ResolveOrgHandler>();
        services.TryAddTransient<FindInModuleHandler>();
        services.TryAddTransient<FindRelatedHandler>();
        services.TryAddTransient<ExportRecordsHandler>();
        services.TryAddTransient<FinalizeExportHandler>();
        services.TryAddTransient<DeleteBatchHandler>();
        services.TryAddTransient<VerifyDeletedHandler>();
        services.TryAddTransient<PurgeRecycleBinHandler>();
        services.TryAddTransient<WriteAuditHandler>();
        services.TryAddTransient<ReportOutcomeHandler>();
        services.AddHttpClient<SendCallbackHandler>(client => client.Timeout = CallbackTimeout)
            .ConfigurePrimaryHttpMessageHandler(sp => CallbackConnector.CreateHandler(new CallbackAddressPolicy(sp.GetRequiredService<IOptions<DsrOptions>>().Value.Webhook)))
            .RemoveAllLoggers();
        return services;
    }

    /// <summary>
    /// The audit subject key's provider when the host registers none: <c>ZohoDsr:Audit:SubjectKey</c> when set, else the
    /// Key Vault secret <c>ZohoDsr:Audit:SubjectKeySecretName</c> in <c>ZohoDsr:KeyVaultUri</c> (through the host's
    /// <see cref="SecretClient"/> when it registers one). Start-up validation fails naming the key when neither is set.
    /// </summary>
    public static IAuditSubjectKeyProvider CreateAuditSubjectKeyProvider(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        IOptions<DsrOptions> options = services.GetRequiredService<IOptions<DsrOptions>>();
        if (!string.IsNullOrWhiteSpace(options.Value.Audit.SubjectKey))
        {
            return new ConfiguredAuditSubjectKeyProvider(options);
        }

        Uri vault = options.Value.KeyVaultUri
            ?? throw new InvalidOperationException($"{AuditOptions.SubjectKeyKey} or {DsrOptions.SectionName}:KeyVaultUri is required for the audit log's subject hashes.");
        SecretClient client = services.GetService<SecretClient>() ?? new SecretClient(vault, new DefaultAzureCredential());
        return new KeyVaultAuditSubjectKeyProvider(client, options.Value.Audit.SubjectKeySecretName, services.GetRequiredService<TimeProvider>());
    }

    /// <summary>The export store <paramref name="exports"/> describes (<c>Blob</c> or <c>LocalFolder</c>).</summary>
    public static IExportStore CreateExportStore(ExportOptions exports)
    {
        ArgumentNullException.ThrowIfNull(exports);
        if (string.Equals(exports.Kind, ExportKinds.LocalFolder, StringComparison.OrdinalIgnoreCase))
        {
            return new LocalFolderExportStore(exports.LocalPath);
        }

        if (!string.Equals(exports.Kind, ExportKinds.Blob, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{DsrOptions.SectionName}:Exports:Kind must be '{ExportKinds.Blob}' or '{ExportKinds.LocalFolder}'.");
        }

        BlobServiceClient service = !string.IsNullOrWhiteSpace(exports.ConnectionString)
            ? new BlobServiceClient(exports.ConnectionString)
            : exports.BlobServiceUri is { } uri
                ? new BlobServiceClient(uri, new DefaultAzureCredential())
                : throw new InvalidOperationException($"{DsrOptions.SectionName}:Exports:BlobServiceUri or {DsrOptions.SectionName}:Exports:ConnectionString is required when {DsrOptions.SectionName}:Exports:Kind is Blob.");
        return new BlobExportStore(service.GetBlobContainerClient(exports.Container));
    }
}
