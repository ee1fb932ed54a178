using Azure.Security.KeyVault.Secrets;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZohoCrm.Client;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Secrets;
using ZohoDsr.Functions.Http;

namespace ZohoDsr.Functions.Tests;

public sealed class FunctionsServiceCollectionExtensionsTests
{
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
