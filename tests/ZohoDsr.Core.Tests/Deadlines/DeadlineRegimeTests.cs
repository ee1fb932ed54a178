using ZohoDsr.Core.Deadlines;

namespace ZohoDsr.Core.Tests.Deadlines;

public sealed class DeadlineRegimeTests
{
    [Fact]
    public void Gdpr_Defaults_OneMonthExtendableByTwoNoWeekendMoveFromDueDate()
    {
        var regime = DeadlineRegime.Gdpr();

        Assert.Equal(DeadlineRegimeKind.Gdpr, regime.Kind);
        Assert.Equal(DeadlinePeriod.Months(1), regime.Period);
        Assert.Equal(DeadlinePeriod.Months(2), regime.MaxExtension);
        Assert.Equal(WeekendRule.None, regime.WeekendRule);
        Assert.Equal(ExtensionCounting.FromDueDate, regime.ExtensionCounting);
    }

    [Fact]
    public void Ccpa_Defaults_FortyFiveDaysExtendableByFortyFive()
    {
        var regime = DeadlineRegime.Ccpa();

        Assert.Equal(DeadlinePeriod.Days(45), regime.Period);
        Assert.Equal(DeadlinePeriod.Days(45), regime.MaxExtension);
        Assert.Equal(WeekendRule.None, regime.WeekendRule);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, -1)]
    public void Custom_InvalidDays_Throws(int days, int extensionDays)
        => Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRegime.Custom(days, extensionDays));

    [Fact]
    public void Custom_NoExtensionDays_HasNoExtension()
        => Assert.Null(DeadlineRegime.Custom(30, 0).MaxExtension);

    [Fact]
    public void FromOptions_Custom_TakesDaysExtensionAndWeekendRule()
    {
        var regime = DeadlineRegime.FromOptions(new DeadlineOptions
        {
            Regime = DeadlineRegimeKind.Custom,
            CustomDays = 20,
            CustomExtensionDays = 10,
            WeekendRule = WeekendRule.MoveToMonday,
        });

        Assert.Equal(DeadlineRegimeKind.Custom, regime.Kind);
        Assert.Equal(DeadlinePeriod.Days(20), regime.Period);
        Assert.Equal(DeadlinePeriod.Days(10), regime.MaxExtension);
        Assert.Equal(WeekendRule.MoveToMonday, regime.WeekendRule);
    }

    [Fact]
    public void FromOptions_GdprFromReceipt_KeepsTheCounting()
        => Assert.Equal(
            ExtensionCounting.FromReceipt,
            DeadlineRegime.FromOptions(new DeadlineOptions { ExtensionCounting = ExtensionCounting.FromReceipt }).ExtensionCounting);

    [Fact]
    public void ToString_Regimes_SayPeriodAndExtension()
    {
        Assert.Equal("Gdpr: 1 month, extendable once by up to 2 months", DeadlineRegime.Gdpr().ToString());
        Assert.Equal("Custom: 1 day, no extension", DeadlineRegime.Custom(1, 0).ToString());
    }

    [Fact]
    public void DeadlinePeriod_NegativeCount_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => DeadlinePeriod.Days(-1));
}
