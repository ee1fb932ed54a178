using Azure.Security.KeyVault.Secrets;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ZohoCrm.Client;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Secrets;
using ZohoDsr.Functions.Http;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Functions.Tests;

public sealed class FunctionsServiceCollectionExtensionsTests
{
    private const string KeyBase64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private static readonly Dictionary<string, string?> Complete = new()
    {
        ["ZohoDsr:TaskHub"] = "ZohoDsr",
        ["ZohoDsr:KeyVaultUri"] = "https://kv-zohodsr.vault.azure.net/",
        ["ZohoDsr:Webhook:SigningSecret"] = "test-signing-secret",
        ["ZohoDsr:RetentionDays"] = "30",
        ["Zoho:Orgs:acme:DataCenter"] = "EU",
        ["Zoho:Orgs:acme:ClientId"] = "1000.ACME",
        ["Zoho:Orgs:acme:Edition"] = "Enterprise",
    };

    [Fact]
    public void AddZohoDsrFunctions_CompleteSettings_BuildsEveryFunctionClassUnderBuildTimeValidation()
    {
        Dictionary<string, string?> settings = new(Complete) { ["ZohoDsr:Exports:ConnectionString"] = "UseDevelopmentStorage=true" };
        ServiceCollection services = new();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddZohoDsrFunctions();

        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<KeyVaultZohoTokenStore>(provider.GetRequiredService<IZohoTokenStore>());
        Assert.Equal(new Uri("https://kv-zohodsr.vault.azure.net/"), provider.GetRequiredService<SecretClient>().VaultUri);
        IEnumerable<Type> functionClasses = typeof(DsrHttpFunctions).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttributes(typeof(FunctionAttribute), false).Length > 0));
        Assert.All(functionClasses, type => Assert.NotNull(ActivatorUtilities.CreateInstance(provider, type)));
    }

    [Fact]
    public void AddZohoDsrFunctions_Always_AddsWhatItNeedsAndRemovesNothing()
    {
        var services = new AddOnlyServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(Complete).Build());
        services.AddLogging();

        services.AddZohoDsrFunctions();

        Assert.Equal(typeof(KeyVaultZohoTokenStore), Assert.Single(services, d => d.ServiceType == typeof(IZohoTokenStore)).ImplementationType);
        Assert.Single(services, d => d.ServiceType == typeof(IAuditSubjectKeyProvider));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(Core.Http.DsrHttpApi));
        Assert.Single(services, d => d.ServiceType == typeof(DsrHttpApiFactory));
    }

    [Fact]
    public void ValidateOnStart_CompleteSettings_Passes()
    {
        using ServiceProvider provider = Build(Complete);

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(new Uri("https://kv-zohodsr.vault.azure.net/"), provider.GetRequiredService<IOptions<DsrOptions>>().Value.KeyVaultUri);
    }

    [Theory]
    [InlineData("ZohoDsr:KeyVaultUri", null)]
    [InlineData("ZohoDsr:KeyVaultUri", "http://kv-zohodsr.vault.azure.net/")]
    [InlineData("ZohoDsr:Webhook:SigningSecret", null)]
    [InlineData("ZohoDsr:Webhook:SigningSecret", " ")]
    [InlineData("ZohoDsr:TaskHub", "zd")]
    [InlineData("ZohoDsr:TaskHub", "1ZohoDsr")]
    [InlineData("ZohoDsr:TaskHub", "Zoho_Dsr")]
    [InlineData("ZohoDsr:RetentionDays", "0")]
    [InlineData("Zoho:Orgs:acme:ClientId", null)]
    public void ValidateOnStart_MissingOrBadSetting_FailsNamingTheKey(string key, string? value)
    {
        Dictionary<string, string?> settings = new(Complete) { [key] = value };
        if (value is null)
        {
            settings.Remove(key);
        }

        using ServiceProvider provider = Build(settings);

        OptionsValidationException failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOnStart_NoOrgs_FailsNamingTheSection()
    {
        Dictionary<string, string?> settings = Complete.Where(s => !s.Key.StartsWith("Zoho:", StringComparison.Ordinal)).ToDictionary();
        using ServiceProvider provider = Build(settings);

        OptionsValidationException failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Zoho:Orgs", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOnStart_OrgIdUnfitForSecretNames_FailsNamingTheOrg()
    {
        Dictionary<string, string?> settings = new(Complete) { ["Zoho:Orgs:acme_eu:ClientId"] = "1000.EU" };
        using ServiceProvider provider = Build(settings);

        OptionsValidationException failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Zoho:Orgs:acme_eu", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddZohoDsrFunctions_AuditKeySecretMissing_StartFailsNamingTheSecret()
    {
        await using LocalKeyVault vault = await LocalKeyVault.StartAsync();
        using HttpClientHandler handler = vault.TrustingHandler();
        using ServiceProvider services = KeyVaultServices(vault, handler);

        InvalidOperationException ex = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(services));

        Assert.Contains("audit-subject-key", ex.Message, StringComparison.Ordinal);
        Assert.IsType<KeyVaultAuditSubjectKeyProvider>(services.GetRequiredService<IAuditSubjectKeyProvider>());
    }

    [Fact]
    public async Task AddZohoDsrFunctions_AuditKeySecretTooShort_StartFailsNamingTheSecretWithoutEchoingIt()
    {
        await using LocalKeyVault vault = await LocalKeyVault.StartAsync();
        using HttpClientHandler handler = vault.TrustingHandler();
        vault.Seed("audit-subject-key", "AAECAwQFBgcICQoLDA0ODw==");
        using ServiceProvider services = KeyVaultServices(vault, handler);

        InvalidOperationException ex = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(services));

        Assert.Contains("audit-subject-key", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AAECAwQFBgcICQoLDA0ODw==", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddZohoDsrFunctions_AuditKeySecretInVault_AuditWriterHashesUnderIt()
    {
        await using LocalKeyVault vault = await LocalKeyVault.StartAsync();
        using HttpClientHandler handler = vault.TrustingHandler();
        vault.Seed("audit-subject-key", KeyBase64);
        using ServiceProvider services = KeyVaultServices(vault, handler);

        await StartAsync(services);
        string hash = await services.GetRequiredService<AuditWriter>().HashSubjectAsync("acme", "r-1", "jane@example.com", CancellationToken.None);

        Assert.Equal(SubjectHash.Compute(Convert.FromBase64String(KeyBase64), "acme", "r-1", "jane@example.com"), hash);
    }

    private static async Task StartAsync(IServiceProvider services)
    {
        foreach (IHostedService service in services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    /// <summary>The app's services over a local Key Vault (the audit subject key is read from it on start).</summary>
    private static ServiceProvider KeyVaultServices(LocalKeyVault vault, HttpClientHandler handler)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ZohoDsr:TaskHub"] = "ZohoDsr",
            ["ZohoDsr:KeyVaultUri"] = vault.VaultUri.AbsoluteUri,
            ["ZohoDsr:Webhook:SigningSecret"] = "test-signing-secret",
            ["ZohoDsr:Exports:Kind"] = "LocalFolder",
            ["ZohoDsr:Exports:LocalPath"] = Path.Combine(Path.GetTempPath(), "zohodsr-tests", Guid.NewGuid().ToString("N")),
            ["Zoho:Orgs:acme:ClientId"] = "1000.ACME",
        };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton(vault.Client(handler));
        services.AddZohoDsrFunctions();
        return services.BuildServiceProvider();
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        ServiceCollection services = new();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddOptions<DsrOptions>().BindConfiguration(DsrOptions.SectionName);
        services.AddOptions<ZohoCrmClientOptions>().BindConfiguration(ZohoCrmClientOptions.SectionName);
        services.AddZohoDsrFunctionsOptionsValidation();
        return services.BuildServiceProvider();
    }
}
