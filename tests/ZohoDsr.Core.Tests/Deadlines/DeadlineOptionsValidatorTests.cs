using ZohoDsr.Core.Deadlines;

namespace ZohoDsr.Core.Tests.Deadlines;

public sealed class DeadlineOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
        => Assert.True(new DeadlineOptionsValidator().Validate(null, new DeadlineOptions()).Succeeded);

    [Fact]
    public void Validate_CustomWithoutDays_NamesTheKey()
    {
        var result = new DeadlineOptionsValidator().Validate(null, new DeadlineOptions { Regime = DeadlineRegimeKind.Custom, CustomDays = 0 });

        Assert.True(result.Failed);
        Assert.Contains("ZohoDsr:Deadlines:CustomDays", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CustomDaysIgnoredUnderGdpr_Succeeds()
        => Assert.True(new DeadlineOptionsValidator().Validate(null, new DeadlineOptions { CustomDays = 0, CustomExtensionDays = -1 }).Succeeded);

    [Fact]
    public void Validate_EverythingWrong_NamesEveryKey()
    {
        var options = new DeadlineOptions
        {
            Regime = DeadlineRegimeKind.Custom,
            CustomDays = DeadlineOptionsValidator.MaxDays + 1,
            CustomExtensionDays = -1,
            WeekendRule = (WeekendRule)7,
            ExtensionCounting = (ExtensionCounting)7,
            DueSoonDays = -1,
        };

        var result = new DeadlineOptionsValidator().Validate(null, options);

        Assert.Equal(
            ["CustomDays", "CustomExtensionDays", "WeekendRule", "ExtensionCounting", "DueSoonDays"],
            result.Failures!.Select(f => f.Split(' ')[0]["ZohoDsr:Deadlines:".Length..]));
    }

    [Fact]
    public void Validate_UnknownRegime_NamesTheKey()
    {
        var result = new DeadlineOptionsValidator().Validate(null, new DeadlineOptions { Regime = (DeadlineRegimeKind)9 });

        Assert.Contains("ZohoDsr:Deadlines:Regime must be Gdpr, Ccpa or Custom", result.FailureMessage, StringComparison.Ordinal);
    }
}
