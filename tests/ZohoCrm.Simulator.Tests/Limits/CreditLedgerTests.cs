using ZohoCrm.Simulator.Limits;

namespace ZohoCrm.Simulator.Tests.Limits;

public sealed class CreditLedgerTests
{
    [Fact]
    public void TryCharge_RollingWindow_FreesCreditsTwentyFourHoursLater()
    {
        var ledger = new CreditLedger(10);
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.True(ledger.TryCharge(t0, 6, out _));
        Assert.True(ledger.TryCharge(t0.AddHours(12), 4, out var remaining));
        Assert.Equal(0, remaining);
        Assert.False(ledger.TryCharge(t0.AddHours(23), 1, out _));
        Assert.True(ledger.TryCharge(t0.AddHours(24).AddMinutes(1), 6, out _));
        Assert.False(ledger.TryCharge(t0.AddHours(25), 1, out _));
        Assert.Equal(6, ledger.Used(t0.AddHours(36).AddMinutes(1)));
    }
}
