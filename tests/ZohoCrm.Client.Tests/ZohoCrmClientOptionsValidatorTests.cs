using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ZohoCrm.Client.Tests;

public sealed class ZohoCrmClientOptionsValidatorTests
{
    [Fact]
    public void Validate_UnknownDataCenterWithoutAccountsUrl_FailsNamingKey()
    {
        var options = new ZohoCrmClientOptions();
        options.Orgs["acme"] = new ZohoOrgOptions { ClientId = "1000.X", DataCenter = "MARS" };

        ValidateOptionsResult result = new ZohoCrmClientOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Zoho:Orgs:acme:DataCenter", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownDataCenterWithAccountsUrl_Succeeds()
    {
        var options = new ZohoCrmClientOptions();
        options.Orgs["acme"] = new ZohoOrgOptions { ClientId = "1000.X", DataCenter = "SIM", AccountsUrl = new Uri("http://127.0.0.1:5000/accounts") };

        Assert.True(new ZohoCrmClientOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_MissingClientId_FailsNamingKeyOnce()
    {
        var options = new ZohoCrmClientOptions();
        options.Orgs["acme"] = new ZohoOrgOptions { DataCenter = "EU" };

        ValidateOptionsResult result = new ZohoCrmClientOptionsValidator().Validate(null, options);

        Assert.Single(result.Failures!, f => f.Contains("Zoho:Orgs:acme:ClientId", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OutOfRangeSettings_FailNamingProperty()
    {
        var options = new ZohoCrmClientOptions { MaxTransientRetries = 99, BudgetFraction = 2, AttemptTimeout = TimeSpan.FromMinutes(2), TotalTimeout = TimeSpan.FromMinutes(1) };

        ValidateOptionsResult result = new ZohoCrmClientOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Zoho:MaxTransientRetries", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Zoho:BudgetFraction", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Zoho:TotalTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void AddZohoCrmClient_BadConfiguration_FailsOnStartNamingKeys()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Zoho:Version"] = "V2",
            ["Zoho:Orgs:acme:DataCenter"] = "XX",
            ["Zoho:Orgs:beta:DataCenter"] = "EU",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddZohoCrmClient();
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Zoho:Orgs:acme:DataCenter", error.Message);
        Assert.Contains("Zoho:Orgs:acme:ClientId", error.Message);
        Assert.Contains("Zoho:Orgs:beta:ClientId", error.Message);
    }

    [Fact]
    public void AddZohoCrmClient_GoodConfiguration_BindsOrgsAndResolvesFactory()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Zoho:Version"] = "V2",
            ["Zoho:Orgs:acme:DataCenter"] = "EU",
            ["Zoho:Orgs:acme:ClientId"] = "1000.ACME",
            ["Zoho:Orgs:acme:Edition"] = "Professional",
            ["Zoho:Orgs:acme:UserLicenses"] = "4",
            ["Zoho:Orgs:beta:AccountsUrl"] = "http://127.0.0.1:5000/accounts",
            ["Zoho:Orgs:beta:ClientId"] = "1000.BETA",
            ["Zoho:Orgs:beta:Version"] = "V8",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddZohoCrmClient();
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        IZohoCrmClientFactory factory = provider.GetRequiredService<IZohoCrmClientFactory>();

        ZohoCrmClient acme = factory.GetClient("acme");
        Assert.Equal(ZohoCrmClientOptions.ServiceVersion.V2, acme.Version);
        Assert.Equal(new ZohoEditionLimits(15, 10, 52_000), acme.Usage.Limits);
        Assert.Equal(11, acme.Usage.ConcurrencyBudget);
        Assert.Equal(7, acme.Usage.SubConcurrencyBudget); // 10 x 0.75, floored
        Assert.Equal(ZohoCrmClientOptions.ServiceVersion.V8, factory.GetClient("BETA").Version);
        Assert.Same(provider.GetRequiredService<InMemoryZohoTokenStore>(), provider.GetRequiredService<IZohoTokenStore>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        ArgumentException unknown = Assert.Throws<ArgumentException>(() => factory.GetClient("gamma"));
        Assert.Contains("gamma", unknown.Message);
    }
}
