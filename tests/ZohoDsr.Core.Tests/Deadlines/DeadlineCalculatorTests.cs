using System.Text.Json;
using ZohoDsr.Core.Deadlines;

namespace ZohoDsr.Core.Tests.Deadlines;

public sealed class DeadlineCalculatorTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly DeadlineCalculator Gdpr = new(DeadlineRegime.Gdpr());
    private static readonly DeadlineCalculator Ccpa = new(DeadlineRegime.Ccpa());

    private static DateTimeOffset At(string date, string time, TimeSpan offset) =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)), offset);

    private static DateTimeOffset EndOf(string date, TimeSpan offset) =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MaxValue), offset);

    [Theory]
    [InlineData("2025-03-05", "2025-04-05")]
    [InlineData("2025-01-31", "2025-02-28")]
    [InlineData("2024-01-31", "2024-02-29")]
    [InlineData("2024-02-29", "2024-03-29")]
    [InlineData("2025-01-29", "2025-02-28")]
    [InlineData("2025-03-31", "2025-04-30")]
    [InlineData("2025-05-31", "2025-06-30")]
    [InlineData("2025-12-31", "2026-01-31")]
    [InlineData("2025-12-15", "2026-01-15")]
    public void DueFor_Gdpr_SameDateNextMonthOrItsLastDay(string received, string due)
    {
        var deadline = Gdpr.DueFor(At(received, "10:30", Cet));

        Assert.Equal(EndOf(due, Cet), deadline.DueBy);
        Assert.Equal(deadline.DueBy, deadline.OriginalDueBy);
        Assert.Equal(DeadlineRegimeKind.Gdpr, deadline.Regime);
        Assert.False(deadline.IsExtended);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("23:59:59")]
    public void DueFor_AnyTimeOfTheDayOfReceipt_DayOfReceiptNotCounted(string time)
        => Assert.Equal(EndOf("2025-04-05", Cet), Gdpr.DueFor(At("2025-03-05", time, Cet)).DueBy);

    [Fact]
    public void DueFor_LateEveningWestOfUtc_CountsFromTheDayInTheRequestsOffset()
    {
        var eastern = TimeSpan.FromHours(-5);
        var receivedAt = At("2025-03-31", "23:30", eastern); // 1 April in UTC

        var deadline = Gdpr.DueFor(receivedAt);

        Assert.Equal(EndOf("2025-04-30", eastern), deadline.DueBy);
        Assert.Equal(eastern, deadline.DueBy.Offset);
        Assert.Equal(receivedAt, deadline.ReceivedAt);
    }

    [Fact]
    public void DueFor_EarlyMorningEastOfUtc_CountsFromTheDayInTheRequestsOffset()
    {
        var kiribati = TimeSpan.FromHours(14);

        var deadline = Gdpr.DueFor(At("2025-01-31", "00:15", kiribati)); // 30 January in UTC

        Assert.Equal(EndOf("2025-02-28", kiribati), deadline.DueBy);
    }

    [Fact]
    public void DueFor_DueByEndOfDay_IsTheLastTickOfTheDay()
    {
        var dueBy = Gdpr.DueFor(At("2025-03-05", "09:00", TimeSpan.Zero)).DueBy;

        Assert.Equal(new DateTimeOffset(2025, 4, 6, 0, 0, 0, TimeSpan.Zero), dueBy.AddTicks(1));
    }

    [Theory]
    [InlineData("2025-01-01", "2025-02-15")]
    [InlineData("2025-11-20", "2026-01-04")]
    [InlineData("2024-01-20", "2024-03-05")]
    [InlineData("2025-01-20", "2025-03-06")]
    public void DueFor_Ccpa_FortyFiveDaysAfterTheDayOfReceipt(string received, string due)
        => Assert.Equal(EndOf(due, TimeSpan.FromHours(-8)), Ccpa.DueFor(At(received, "16:45", TimeSpan.FromHours(-8))).DueBy);

    [Theory]
    [InlineData("2025-03-05", "2025-04-05")] // Saturday
    [InlineData("2025-12-31", "2026-01-31")] // Saturday
    [InlineData("2025-01-31", "2025-02-28")] // Friday
    public void DueFor_GdprWeekendRuleNone_DueDateDoesNotMove(string received, string due)
        => Assert.Equal(EndOf(due, Cet), Gdpr.DueFor(At(received, "12:00", Cet)).DueBy);

    [Theory]
    [InlineData("2025-03-05", "2025-04-07")] // Saturday 5 April -> Monday 7 April
    [InlineData("2025-12-31", "2026-02-02")] // Saturday 31 January -> Monday 2 February
    [InlineData("2025-01-31", "2025-02-28")] // Friday: stays
    public void DueFor_GdprMoveToMonday_WeekendDueDateMovesToMonday(string received, string due)
    {
        var calculator = new DeadlineCalculator(DeadlineRegime.Gdpr(WeekendRule.MoveToMonday));

        Assert.Equal(EndOf(due, Cet), calculator.DueFor(At(received, "12:00", Cet)).DueBy);
    }

    [Theory]
    [InlineData("2025-01-01", "2025-02-17")] // Saturday 15 February -> Monday
    [InlineData("2025-11-20", "2026-01-05")] // Sunday 4 January -> Monday
    public void DueFor_CcpaMoveToMonday_WeekendDueDateMovesToMonday(string received, string due)
    {
        var calculator = new DeadlineCalculator(DeadlineRegime.Ccpa(WeekendRule.MoveToMonday));

        Assert.Equal(EndOf(due, TimeSpan.Zero), calculator.DueFor(At(received, "12:00", TimeSpan.Zero)).DueBy);
    }

    [Theory]
    [InlineData(1, "2025-03-06")]
    [InlineData(10, "2025-03-15")]
    [InlineData(30, "2025-04-04")]
    [InlineData(365, "2026-03-05")]
    public void DueFor_CustomDays_ThatManyDaysAfterTheDayOfReceipt(int days, string due)
    {
        var calculator = new DeadlineCalculator(DeadlineRegime.Custom(days, 0));

        var deadline = calculator.DueFor(At("2025-03-05", "23:59", Cet));

        Assert.Equal(EndOf(due, Cet), deadline.DueBy);
        Assert.Equal(DeadlineRegimeKind.Custom, deadline.Regime);
    }

    [Fact]
    public void Extend_GdprFromDueDate_TwoFurtherMonthsFromTheShortenedMonthEnd()
    {
        var deadline = Gdpr.DueFor(At("2025-01-31", "10:00", Cet));
        var extendedAt = At("2025-02-20", "09:00", Cet);

        var extended = Gdpr.Extend(deadline, extendedAt);

        Assert.Equal(EndOf("2025-04-28", Cet), extended.DueBy);
        Assert.Equal(EndOf("2025-02-28", Cet), extended.OriginalDueBy);
        Assert.Equal(DeadlinePeriod.Months(2), extended.Extension);
        Assert.Equal(extendedAt, extended.ExtendedAt);
        Assert.True(extended.IsExtended);
    }

    [Fact]
    public void Extend_GdprFromReceipt_ThreeMonthsFromReceipt()
    {
        var calculator = new DeadlineCalculator(DeadlineRegime.Gdpr(extensionCounting: ExtensionCounting.FromReceipt));
        var deadline = calculator.DueFor(At("2025-01-31", "10:00", Cet));

        var extended = calculator.Extend(deadline, At("2025-02-01", "09:00", Cet));

        Assert.Equal(EndOf("2025-04-30", Cet), extended.DueBy);
    }

    [Theory]
    [InlineData("2025-03-05", "2025-06-05")]
    [InlineData("2025-11-30", "2026-02-28")]
    [InlineData("2023-11-30", "2024-02-29")]
    public void Extend_GdprMidMonthOrYearEnd_BothCountingsAgreeWhereTheDateExists(string received, string due)
    {
        var fromReceipt = new DeadlineCalculator(DeadlineRegime.Gdpr(extensionCounting: ExtensionCounting.FromReceipt));
        var receivedAt = At(received, "08:00", Cet);

        Assert.Equal(EndOf(due, Cet), Gdpr.Extend(Gdpr.DueFor(receivedAt), receivedAt).DueBy);
        Assert.Equal(EndOf(due, Cet), fromReceipt.Extend(fromReceipt.DueFor(receivedAt), receivedAt).DueBy);
    }

    [Fact]
    public void Extend_GdprShorterThanTheLimit_ExtendsByWhatIsAsked()
    {
        var deadline = Gdpr.DueFor(At("2025-03-05", "10:00", Cet));

        var extended = Gdpr.Extend(deadline, At("2025-03-10", "10:00", Cet), DeadlinePeriod.Months(1));

        Assert.Equal(EndOf("2025-05-05", Cet), extended.DueBy);
        Assert.Equal(DeadlinePeriod.Months(1), extended.Extension);
    }

    [Fact]
    public void Extend_Ccpa_FortyFiveMoreDaysNinetyFromReceipt()
    {
        var pacific = TimeSpan.FromHours(-8);
        var deadline = Ccpa.DueFor(At("2025-01-01", "12:00", pacific));

        var extended = Ccpa.Extend(deadline, At("2025-02-15", "23:00", pacific));

        Assert.Equal(EndOf("2025-04-01", pacific), extended.DueBy);
        Assert.Equal(EndOf("2025-02-15", pacific), extended.OriginalDueBy);
    }

    [Fact]
    public void Extend_GdprMoveToMonday_CountsFromTheUnmovedDueDate()
    {
        var calculator = new DeadlineCalculator(DeadlineRegime.Gdpr(WeekendRule.MoveToMonday));
        var deadline = calculator.DueFor(At("2025-03-05", "10:00", Cet)); // due Saturday 5 April, moved to Monday 7 April

        var extended = calculator.Extend(deadline, At("2025-03-20", "10:00", Cet));

        Assert.Equal(EndOf("2025-04-07", Cet), deadline.DueBy);
        Assert.Equal(EndOf("2025-06-05", Cet), extended.DueBy); // 5 April + 2 months, a Thursday
    }

    [Fact]
    public void Extend_GdprMoveToMonday_ExtendedDueDateOnAWeekendMoves()
    {
        var calculator = new DeadlineCalculator(DeadlineRegime.Gdpr(WeekendRule.MoveToMonday));
        var deadline = calculator.DueFor(At("2025-04-12", "10:00", Cet)); // due Monday 12 May

        var extended = calculator.Extend(deadline, At("2025-04-20", "10:00", Cet)); // 12 July is a Saturday

        Assert.Equal(EndOf("2025-05-12", Cet), deadline.DueBy);
        Assert.Equal(EndOf("2025-07-14", Cet), extended.DueBy);
    }

    [Fact]
    public void Extend_CustomWithExtensionDays_AddsThem()
    {
        var calculator = new DeadlineCalculator(DeadlineRegime.Custom(10, 5));
        var deadline = calculator.DueFor(At("2025-06-04", "10:00", Cet));

        var extended = calculator.Extend(deadline, At("2025-06-05", "10:00", Cet));

        Assert.Equal(EndOf("2025-06-14", Cet), deadline.DueBy);
        Assert.Equal(EndOf("2025-06-19", Cet), extended.DueBy);
        Assert.Equal(DeadlinePeriod.Days(5), extended.Extension);
    }

    [Fact]
    public void Extend_CustomWithoutExtension_Refused()
    {
        var calculator = new DeadlineCalculator(DeadlineRegime.Custom(30, 0));
        var deadline = calculator.DueFor(At("2025-06-04", "10:00", Cet));

        var error = Assert.Throws<InvalidOperationException>(() => calculator.Extend(deadline, deadline.ReceivedAt));

        Assert.Contains("allows no extension", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extend_AlreadyExtended_SecondExtensionRefused()
    {
        var deadline = Gdpr.DueFor(At("2025-03-05", "10:00", Cet));
        var once = Gdpr.Extend(deadline, deadline.ReceivedAt, DeadlinePeriod.Months(1));

        var error = Assert.Throws<InvalidOperationException>(() => Gdpr.Extend(once, deadline.ReceivedAt, DeadlinePeriod.Months(1)));

        Assert.Contains("extended once", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, DeadlineUnit.Months)]
    [InlineData(0, DeadlineUnit.Months)]
    [InlineData(30, DeadlineUnit.Days)]
    public void Extend_GdprOutsideTheLimit_Refused(int count, DeadlineUnit unit)
    {
        var deadline = Gdpr.DueFor(At("2025-03-05", "10:00", Cet));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Gdpr.Extend(deadline, deadline.ReceivedAt, new DeadlinePeriod(count, unit)));

        Assert.Equal("by", error.ParamName);
    }

    [Fact]
    public void Extend_CcpaBeyondFortyFiveDays_Refused()
    {
        var deadline = Ccpa.DueFor(At("2025-01-01", "12:00", TimeSpan.Zero));

        Assert.Throws<ArgumentOutOfRangeException>(() => Ccpa.Extend(deadline, deadline.ReceivedAt, DeadlinePeriod.Days(46)));
    }

    [Fact]
    public void Extend_AfterTheOriginalDueDate_Refused()
    {
        var deadline = Gdpr.DueFor(At("2025-03-05", "10:00", Cet));

        Assert.Equal(EndOf("2025-05-05", Cet), Gdpr.Extend(deadline, deadline.OriginalDueBy, DeadlinePeriod.Months(1)).DueBy);
        var error = Assert.Throws<InvalidOperationException>(() => Gdpr.Extend(deadline, deadline.OriginalDueBy.AddTicks(1)));
        Assert.Contains("has passed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extend_DeadlineOfAnotherRegime_Refused()
    {
        var deadline = Ccpa.DueFor(At("2025-01-01", "12:00", TimeSpan.Zero));

        var error = Assert.Throws<ArgumentException>(() => Gdpr.Extend(deadline, deadline.ReceivedAt));

        Assert.Equal("deadline", error.ParamName);
    }

    [Theory]
    [InlineData("2025-04-05T12:00:00+01:00", 0)]
    [InlineData("2025-04-04T23:00:00+00:00", 0)] // midnight of the due day in the due date's offset
    [InlineData("2025-04-04T22:59:59+00:00", 1)]
    [InlineData("2025-03-29T09:00:00+01:00", 7)]
    [InlineData("2025-04-05T23:00:00+00:00", -1)] // one second past the end of the due day
    [InlineData("2025-04-15T08:00:00+01:00", -10)]
    public void DaysLeft_Now_CalendarDaysInTheDueDatesOffset(string now, int expected)
        => Assert.Equal(expected, DeadlineCalculator.DaysLeft(EndOf("2025-04-05", Cet), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void DaysLeft_DueByNotAtTheEndOfADay_OverdueAsSoonAsItPasses()
    {
        var dueBy = At("2025-04-05", "12:00", Cet);

        Assert.Equal(0, DeadlineCalculator.DaysLeft(dueBy, dueBy));
        Assert.Equal(-1, DeadlineCalculator.DaysLeft(dueBy, dueBy.AddMinutes(1)));
    }

    [Fact]
    public void Extend_Deadline_RoundTripsThroughJson()
    {
        var deadline = Gdpr.Extend(Gdpr.DueFor(At("2025-01-31", "10:00", Cet)), At("2025-02-02", "10:00", Cet));

        var json = JsonSerializer.Serialize(deadline);
        var read = JsonSerializer.Deserialize<DsrDeadline>(json);

        Assert.Equal(deadline, read);
        Assert.Contains("\"Regime\":\"gdpr\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Unit\":\"months\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("IsExtended", json, StringComparison.Ordinal);
    }
}
