using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Http;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests;

public sealed class DsrCoreServiceCollectionExtensionsTests
{
    [Fact]
    public void AddZohoDsrCore_MissingSigningSecret_FailsNamingTheKey()
    {
        using ServiceProvider provider = Build(new Dictionary<string, string?> { ["ZohoDsr:Exports:Kind"] = "LocalFolder" });

        OptionsValidationException ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DsrOptions>>().Value);

        Assert.Contains("ZohoDsr:Webhook:SigningSecret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddZohoDsrCore_ExportKindBlob_ResolvesBlobStore()
    {
        using ServiceProvider provider = Build(BlobSettings);

        BlobExportStore store = Assert.IsType<BlobExportStore>(provider.GetRequiredService<IExportStore>());
        Assert.Equal("exports", store.Container.Name);
    }

    [Fact]
    public void AddZohoDsrCore_NoHost_AddsNoHostPieceRemovesNothingAndBuildsUnderValidation()
    {
        var services = new AddOnlyServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(BlobSettings).Build());
        services.AddLogging();

        services.AddZohoDsrCore();

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(DsrHttpApi) || d.ServiceType == typeof(IDsrInstanceClient));
        using ServiceProvider provider = ((IServiceCollection)services).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Assert.NotNull(provider.GetRequiredService<ZohoActivityRunner>());
    }

    /// <summary>Settings of a Core over Azurite's Blob endpoint (nothing is called).</summary>
    internal static Dictionary<string, string?> BlobSettings => new()
    {
        ["ZohoDsr:Webhook:SigningSecret"] = "s",
        ["ZohoDsr:Audit:SubjectKey"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        ["ZohoDsr:Exports:ConnectionString"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;",
    };

    [Fact]
    public void AddZohoDsrCore_ExportKindLocalFolder_ResolvesLocalStore()
    {
        using ServiceProvider provider = Build(new Dictionary<string, string?>
        {
            ["ZohoDsr:Webhook:SigningSecret"] = "s",
            ["ZohoDsr:Audit:SubjectKey"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            ["ZohoDsr:Exports:Kind"] = "LocalFolder",
            ["ZohoDsr:Exports:LocalPath"] = "exports-here",
        });

        Assert.Equal(Path.GetFullPath("exports-here"), Assert.IsType<LocalFolderExportStore>(provider.GetRequiredService<IExportStore>()).RootPath);
    }

    [Fact]
    public void AddZohoDsrCore_NoAuditSubjectKey_FailsOnStartNamingTheKey()
    {
        using ServiceProvider provider = Build(new Dictionary<string, string?>
        {
            ["ZohoDsr:Webhook:SigningSecret"] = "s",
            ["ZohoDsr:Exports:Kind"] = "LocalFolder",
            ["ZohoDsr:Exports:LocalPath"] = "exports-here",
        });

        OptionsValidationException ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ZohoDsr:Audit:SubjectKey", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddZohoDsrCore_AuditSubjectKeyConfigured_StartCheckPassesAndWriterUsesTheKey()
    {
        using ServiceProvider provider = Build(new Dictionary<string, string?>
        {
            ["ZohoDsr:Webhook:SigningSecret"] = "s",
            ["ZohoDsr:Audit:SubjectKey"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            ["ZohoDsr:Exports:Kind"] = "LocalFolder",
            ["ZohoDsr:Exports:LocalPath"] = "exports-here",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        foreach (IHostedService service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        Assert.IsType<ConfiguredAuditSubjectKeyProvider>(provider.GetRequiredService<IAuditSubjectKeyProvider>());
        Assert.Single(provider.GetServices<IHostedService>().OfType<AuditSubjectKeyCheck>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddZohoDsrCore();
        return services.BuildServiceProvider();
    }
}
