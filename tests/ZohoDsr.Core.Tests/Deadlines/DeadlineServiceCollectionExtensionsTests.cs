using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZohoDsr.Core.Deadlines;

namespace ZohoDsr.Core.Tests.Deadlines;

public sealed class DeadlineServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddDsrDeadlines();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddDsrDeadlines_NoConfiguration_Gdpr()
    {
        using var provider = Build([]);

        Assert.Equal(DeadlineRegimeKind.Gdpr, provider.GetRequiredService<DeadlineCalculator>().Regime.Kind);
        Assert.Equal(7, provider.GetRequiredService<IOptions<DeadlineOptions>>().Value.DueSoonDays);
    }

    [Fact]
    public void AddDsrDeadlines_LowerCaseValues_BindCcpaAndWeekendRule()
    {
        using var provider = Build(new()
        {
            ["ZohoDsr:Deadlines:Regime"] = "ccpa",
            ["ZohoDsr:Deadlines:WeekendRule"] = "moveToMonday",
            ["ZohoDsr:Deadlines:DueSoonDays"] = "3",
        });

        var regime = provider.GetRequiredService<DeadlineCalculator>().Regime;

        Assert.Equal(DeadlineRegimeKind.Ccpa, regime.Kind);
        Assert.Equal(WeekendRule.MoveToMonday, regime.WeekendRule);
        Assert.Equal(3, provider.GetRequiredService<IOptions<DeadlineOptions>>().Value.DueSoonDays);
    }

    [Fact]
    public void AddDsrDeadlines_InvalidCustom_FailsNamingTheKey()
    {
        using var provider = Build(new()
        {
            ["ZohoDsr:Deadlines:Regime"] = "Custom",
            ["ZohoDsr:Deadlines:CustomDays"] = "0",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<DeadlineCalculator>());

        Assert.Contains("ZohoDsr:Deadlines:CustomDays", error.Message, StringComparison.Ordinal);
    }
}
