using ZohoDsr.Core.RateGate;

namespace ZohoDsr.Core.Tests.RateGate;

public sealed class OrgRateGateTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 30, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static GateAcquireRequest Ask(string holder, int permits, DateTime now, int capacity = 10, long budget = 0, long estimated = 0)
        => new(holder, permits, Lease, now, capacity, budget, estimated);

    [Fact]
    public void Acquire_FreePermits_GrantsAskedWithLease()
    {
        var gate = new OrgRateGate(new OrgRateGateState());

        var grant = gate.Acquire(Ask("a", 4, Now));

        Assert.Equal(new GateGrant(4, null, null), grant);
        Assert.Equal(new GateLease(4, Now + Lease, 0), gate.State.Leases["a"]);
        Assert.Equal(4, gate.InUse(Now));
    }

    [Fact]
    public void Acquire_FewerFreeThanAsked_GrantsWhatIsFree()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Acquire(Ask("a", 7, Now));

        var grant = gate.Acquire(Ask("b", 5, Now));

        Assert.Equal(3, grant.Granted);
        Assert.Equal(10, gate.InUse(Now));
    }

    [Fact]
    public void Acquire_AllHeld_RefusesForConcurrencyAndRetriesAfterPoll()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Acquire(Ask("a", 10, Now));

        var grant = gate.Acquire(Ask("b", 1, Now));

        Assert.Equal(new GateGrant(0, Now + OrgRateGate.PollInterval, OrgRateGate.ConcurrencyReason), grant);
    }

    [Fact]
    public void Acquire_AllHeldLeaseExpiresSooner_RetryAtLeaseExpiry()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Acquire(new GateAcquireRequest("a", 10, TimeSpan.FromSeconds(1), Now, 10, 0, 0));

        var grant = gate.Acquire(Ask("b", 1, Now));

        Assert.Equal(Now.AddSeconds(1), grant.RetryAt);
    }

    [Fact]
    public void Acquire_ExpiredLease_Reclaimed()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Acquire(Ask("crashed", 10, Now));

        var grant = gate.Acquire(Ask("b", 6, Now + Lease));

        Assert.Equal(6, grant.Granted);
        Assert.False(gate.State.Leases.ContainsKey("crashed"));
    }

    [Fact]
    public void Acquire_HolderReacquires_TopsUpInsteadOfDoubleCounting()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Acquire(Ask("a", 4, Now));
        gate.Acquire(Ask("b", 4, Now));

        var grant = gate.Acquire(Ask("a", 6, Now.AddMinutes(1)));

        Assert.Equal(6, grant.Granted);
        Assert.Equal(new GateLease(6, Now.AddMinutes(1) + Lease, 0), gate.State.Leases["a"]);
        Assert.Equal(10, gate.InUse(Now.AddMinutes(1)));
    }

    [Fact]
    public void Acquire_CapacityFromLatestRequest_Applies()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Acquire(Ask("a", 3, Now, capacity: 10));

        var grant = gate.Acquire(Ask("b", 5, Now, capacity: 4));

        Assert.Equal(1, grant.Granted);
        Assert.Equal(4, gate.State.Capacity);
    }

    [Fact]
    public void Acquire_CapacityZero_KeepsKnownCapacity()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Acquire(Ask("a", 1, Now, capacity: 3));
        gate.Release(new GateReleaseRequest("a", Now, 0));

        var grant = gate.Acquire(Ask("b", 5, Now, capacity: 0));

        Assert.Equal(3, grant.Granted);
    }

    [Fact]
    public void Acquire_CapacityNeverKnown_AllowsOnePermit()
    {
        var gate = new OrgRateGate(new OrgRateGateState());

        Assert.Equal(1, gate.Acquire(Ask("a", 5, Now, capacity: 0)).Granted);
        Assert.Equal(0, gate.Acquire(Ask("b", 1, Now, capacity: 0)).Granted);
    }

    [Fact]
    public void Release_FreesPermitsForOthers()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Acquire(Ask("a", 10, Now));

        gate.Release(new GateReleaseRequest("a", Now, 0));

        Assert.Equal(0, gate.InUse(Now));
        Assert.Equal(10, gate.Acquire(Ask("b", 10, Now)).Granted);
    }

    [Fact]
    public void Release_UnknownHolder_NoOp()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Acquire(Ask("a", 2, Now));

        gate.Release(new GateReleaseRequest("nobody", Now, 0));

        Assert.Equal(2, gate.InUse(Now));
    }

    [Fact]
    public void Release_CreditsSpent_BookedInHourBucket()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Acquire(Ask("a", 1, Now));

        gate.Release(new GateReleaseRequest("a", Now, 7));
        gate.Release(new GateReleaseRequest("b", Now.AddMinutes(20), 3));

        var hour = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
        Assert.Equal(10, gate.State.CreditsByHour[hour]);
        Assert.Equal(10, gate.CreditsSpent(Now));
    }

    [Fact]
    public void Acquire_CreditsWouldExceedBudget_RefusesUntilOldestBucketLeavesWindow()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Acquire(Ask("a", 1, Now, budget: 100, estimated: 10));
        gate.Release(new GateReleaseRequest("a", Now, 95));

        var grant = gate.Acquire(Ask("b", 1, Now.AddHours(2), budget: 100, estimated: 10));

        var oldestHour = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new GateGrant(0, oldestHour + OrgRateGate.CreditWindow, OrgRateGate.CreditsReason), grant);
    }

    [Fact]
    public void Acquire_CreditsWithinBudget_Grants()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Release(new GateReleaseRequest("a", Now, 90));

        Assert.Equal(1, gate.Acquire(Ask("b", 1, Now, budget: 100, estimated: 10)).Granted);
    }

    [Fact]
    public void Acquire_OldBucketLeftWindow_CreditsFreeAgain()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Release(new GateReleaseRequest("a", Now, 100));
        var hour = new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

        Assert.Equal(0, gate.Acquire(Ask("b", 1, hour + OrgRateGate.CreditWindow - TimeSpan.FromTicks(1), budget: 100, estimated: 1)).Granted);
        Assert.Equal(1, gate.Acquire(Ask("b", 1, hour + OrgRateGate.CreditWindow, budget: 100, estimated: 1)).Granted);
        Assert.Empty(gate.State.CreditsByHour);
    }

    [Fact]
    public void Acquire_OtherHoldersEstimates_CountAgainstBudget()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Acquire(Ask("a", 1, Now, budget: 100, estimated: 60));

        var grant = gate.Acquire(Ask("b", 1, Now, budget: 100, estimated: 50));

        Assert.Equal(OrgRateGate.CreditsReason, grant.Reason);
        Assert.Equal(Now + OrgRateGate.PollInterval, grant.RetryAt);
    }

    [Fact]
    public void Acquire_SpentFitsButOthersEstimatesDoNot_RetriesSoonNotNextDay()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Release(new GateReleaseRequest("old", Now, 30));
        gate.Acquire(Ask("a", 1, Now, budget: 100, estimated: 60));

        var grant = gate.Acquire(Ask("b", 1, Now, budget: 100, estimated: 20));

        Assert.Equal(new GateGrant(0, Now + OrgRateGate.PollInterval, OrgRateGate.CreditsReason), grant);
    }

    [Fact]
    public void Acquire_NothingSpentEstimateAboveBudget_GrantsRatherThanBlockingForever()
    {
        var gate = new OrgRateGate(new OrgRateGateState());

        Assert.Equal(1, gate.Acquire(Ask("a", 1, Now, budget: 5, estimated: 50)).Granted);
    }

    [Fact]
    public void Acquire_BudgetZero_KeepsKnownBudget()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Acquire(Ask("a", 1, Now, budget: 100));
        gate.Release(new GateReleaseRequest("a", Now, 100));

        Assert.Equal(OrgRateGate.CreditsReason, gate.Acquire(Ask("b", 1, Now, budget: 0, estimated: 1)).Reason);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("a", 0)]
    public void Acquire_BadRequest_ThrowsNamingField(string holder, int permits)
    {
        var gate = new OrgRateGate(new OrgRateGateState());

        var error = Assert.ThrowsAny<ArgumentException>(() => gate.Acquire(Ask(holder, permits, Now)));

        Assert.StartsWith("request.", error.ParamName);
    }

    private static GateAcquireRequest AskComplex(string holder, int permits, DateTime now, int capacity = 15, int complexCapacity = 7)
        => new(holder, permits, Lease, now, capacity, 0, 0, Complex: true, ComplexCapacity: complexCapacity);

    [Fact]
    public void Acquire_ComplexAboveSubConcurrency_GrantsOnlyTheSmallerSemaphoresFree()
    {
        var gate = new OrgRateGate(new OrgRateGateState());

        var first = gate.Acquire(AskComplex("a", 5, Now));
        var second = gate.Acquire(AskComplex("b", 5, Now));

        Assert.Equal(5, first.Granted);
        Assert.Equal(2, second.Granted);
        Assert.Equal(7, gate.ComplexInUse(Now));
        Assert.Equal(7, gate.InUse(Now));
        Assert.Equal(new GateLease(2, Now + Lease, 0, ComplexPermits: 2), gate.State.Leases["b"]);
    }

    [Fact]
    public void Acquire_ComplexAllHeld_RefusesForSubConcurrencyWhileOrdinaryPermitsStillGranted()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Acquire(AskComplex("a", 7, Now));

        var complex = gate.Acquire(AskComplex("b", 1, Now));
        var ordinary = gate.Acquire(Ask("c", 10, Now, capacity: 15));

        Assert.Equal(new GateGrant(0, Now + OrgRateGate.PollInterval, OrgRateGate.SubConcurrencyReason), complex);
        Assert.Equal(8, ordinary.Granted);
        Assert.Equal(15, gate.InUse(Now));
        Assert.Equal(7, gate.ComplexInUse(Now));
    }

    [Fact]
    public void Acquire_MainCapSmallerThanSubConcurrency_MainCapBounds()
    {
        var gate = new OrgRateGate(new OrgRateGateState());

        var grant = gate.Acquire(AskComplex("a", 10, Now, capacity: 3, complexCapacity: 7));

        Assert.Equal(3, grant.Granted);
        Assert.Equal(new GateGrant(0, Now + OrgRateGate.PollInterval, OrgRateGate.ConcurrencyReason), gate.Acquire(AskComplex("b", 1, Now, capacity: 3)));
    }

    [Fact]
    public void Release_ComplexHolder_ReturnsBothKindsOfPermit()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Acquire(AskComplex("a", 7, Now));
        gate.Acquire(Ask("b", 3, Now, capacity: 15));

        gate.Release(new GateReleaseRequest("a", Now, 7));

        Assert.Equal(0, gate.ComplexInUse(Now));
        Assert.Equal(3, gate.InUse(Now));
        Assert.Equal(7, gate.Acquire(AskComplex("c", 9, Now)).Granted);
    }

    [Fact]
    public void Acquire_ComplexLeaseExpired_ItsSubConcurrencyPermitsReclaimed()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Acquire(AskComplex("crashed", 7, Now));

        var grant = gate.Acquire(AskComplex("b", 7, Now + Lease));

        Assert.Equal(7, grant.Granted);
        Assert.Equal(7, gate.ComplexInUse(Now + Lease));
    }

    [Fact]
    public void Acquire_HolderReacquiresComplex_ItsOwnComplexPermitsCountAsFree()
    {
        var gate = new OrgRateGate(new OrgRateGateState());
        gate.Acquire(AskComplex("a", 7, Now));

        var again = gate.Acquire(AskComplex("a", 6, Now));
        var ordinary = gate.Acquire(Ask("a", 2, Now, capacity: 15));

        Assert.Equal(6, again.Granted);
        Assert.Equal(2, ordinary.Granted);
        Assert.Equal(0, gate.ComplexInUse(Now));
    }

    [Fact]
    public void Acquire_NeverLearntSubConcurrency_OnlyTheMainCapBounds()
    {
        var gate = new OrgRateGate(new OrgRateGateState());

        var grant = gate.Acquire(AskComplex("a", 12, Now, capacity: 15, complexCapacity: 0));

        Assert.Equal(12, grant.Granted);
    }
}
