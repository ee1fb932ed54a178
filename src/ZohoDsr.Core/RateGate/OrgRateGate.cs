namespace ZohoDsr.Core.RateGate;

/// <summary>
/// A counting semaphore per org with leases, capped at the caller's capacity (a fraction of the edition's concurrency), plus
/// the rolling 24-hour credit budget, and a second, smaller semaphore for COQL/Search calls (Zoho's sub-concurrency of
/// "complex" calls, 10 per org on every edition): a complex acquire takes permits of both. Pure logic over <see cref="OrgRateGateState"/>: ZohoDsr.Functions makes it the
/// <c>OrgRateGate</c> durable entity, whose operations the engine runs one at a time.
/// </summary>
/// <remarks>
/// Time is always the caller's (<see cref="GateAcquireRequest.Now"/>, <see cref="GateReleaseRequest.Now"/>), so the gate
/// never reads a clock and replays identically. A request's <see cref="GateAcquireRequest.Capacity"/> or
/// <see cref="GateAcquireRequest.CreditBudget"/> of 0 or less keeps the gate's current value; a gate that never learnt a
/// capacity allows 1 permit, one that never learnt a credit budget does not limit credits.
/// </remarks>
public sealed class OrgRateGate(OrgRateGateState state)
{
    /// <summary>The rolling window of the credit budget (Zoho counts credits per rolling 24 hours).</summary>
    public static readonly TimeSpan CreditWindow = TimeSpan.FromHours(24);

    /// <summary>How soon a refused holder asks again when no lease expires sooner (a release usually comes first).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>Refusal reason: every permit is held.</summary>
    public const string ConcurrencyReason = "concurrency";

    /// <summary>Refusal reason: every COQL/Search permit is held.</summary>
    public const string SubConcurrencyReason = "sub-concurrency";

    /// <summary>Refusal reason: the rolling 24-hour credit budget would be exceeded.</summary>
    public const string CreditsReason = "credits";

    public OrgRateGateState State { get; } = state ?? throw new ArgumentNullException(nameof(state));

    /// <summary>Reclaims expired leases, then grants min(asked, free) permits (re-acquiring tops up the holder's lease).</summary>
    public GateGrant Acquire(GateAcquireRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Holder);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Permits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(request.Lease, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(request.EstimatedCredits);

        if (request.Capacity > 0)
        {
            State.Capacity = request.Capacity;
        }

        if (request.CreditBudget > 0)
        {
            State.CreditBudget = request.CreditBudget;
        }

        if (request.ComplexCapacity > 0)
        {
            State.ComplexCapacity = request.ComplexCapacity;
        }

        var now = request.Now;
        Reclaim(now);
        PruneCredits(now);

        State.Leases.TryGetValue(request.Holder, out var held);
        var heldPermits = held?.Permits ?? 0;
        var capacity = Math.Max(1, State.Capacity);

        if (State.CreditBudget > 0 && request.EstimatedCredits > 0)
        {
            var spent = CreditsInWindow();
            var committed = spent + OutstandingEstimates(exceptHolder: request.Holder);
            if (committed > 0 && committed + request.EstimatedCredits > State.CreditBudget)
            {
                // Spent credits free up as their hour leaves the window; others' estimates as soon as they release.
                var retryAt = spent > 0 && spent + request.EstimatedCredits > State.CreditBudget
                    ? State.CreditsByHour.Keys.First() + CreditWindow
                    : ConcurrencyRetryAt(now, exceptHolder: null);
                return new GateGrant(0, retryAt, CreditsReason);
            }
        }

        var free = capacity - (InUseUnchecked() - heldPermits);
        var total = Math.Min(request.Permits, free);
        if (total <= 0)
        {
            return new GateGrant(0, ConcurrencyRetryAt(now, request.Holder), ConcurrencyReason);
        }

        if (request.Complex && State.ComplexCapacity > 0)
        {
            var freeComplex = State.ComplexCapacity - (ComplexInUseUnchecked() - (held?.ComplexPermits ?? 0));
            total = Math.Min(total, freeComplex);
            if (total <= 0)
            {
                return new GateGrant(0, ConcurrencyRetryAt(now, request.Holder), SubConcurrencyReason);
            }
        }

        State.Leases[request.Holder] = new GateLease(total, now + request.Lease, request.EstimatedCredits, request.Complex ? total : 0);
        return new GateGrant(total, null, null);
    }

    /// <summary>Frees the holder's permits (unknown holder: no-op) and books the credits spent.</summary>
    public void Release(GateReleaseRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Holder);
        ArgumentOutOfRangeException.ThrowIfNegative(request.CreditsSpent);

        State.Leases.Remove(request.Holder);
        if (request.CreditsSpent > 0)
        {
            var hour = HourOf(request.Now);
            State.CreditsByHour[hour] = State.CreditsByHour.GetValueOrDefault(hour) + request.CreditsSpent;
        }

        Reclaim(request.Now);
        PruneCredits(request.Now);
    }

    /// <summary>Permits currently held (after reclaiming leases expired at <paramref name="now"/>).</summary>
    public int InUse(DateTime now)
    {
        Reclaim(now);
        return InUseUnchecked();
    }

    /// <summary>COQL/Search permits currently held (after reclaiming leases expired at <paramref name="now"/>).</summary>
    public int ComplexInUse(DateTime now)
    {
        Reclaim(now);
        return ComplexInUseUnchecked();
    }

    /// <summary>Credits booked within the rolling window ending at <paramref name="now"/>.</summary>
    public long CreditsSpent(DateTime now)
    {
        PruneCredits(now);
        return CreditsInWindow();
    }

    private static DateTime HourOf(DateTime time)
        => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);

    private int InUseUnchecked()
    {
        var total = 0;
        foreach (var lease in State.Leases.Values)
        {
            total += lease.Permits;
        }

        return total;
    }

    private int ComplexInUseUnchecked()
    {
        var total = 0;
        foreach (var lease in State.Leases.Values)
        {
            total += lease.ComplexPermits;
        }

        return total;
    }

    private long CreditsInWindow()
    {
        long total = 0;
        foreach (var credits in State.CreditsByHour.Values)
        {
            total += credits;
        }

        return total;
    }

    private long OutstandingEstimates(string exceptHolder)
    {
        long total = 0;
        foreach (var (holder, lease) in State.Leases)
        {
            if (!string.Equals(holder, exceptHolder, StringComparison.Ordinal))
            {
                total += lease.EstimatedCredits;
            }
        }

        return total;
    }

    private void Reclaim(DateTime now)
    {
        List<string>? expired = null;
        foreach (var (holder, lease) in State.Leases)
        {
            if (lease.ExpiresAt <= now)
            {
                (expired ??= []).Add(holder);
            }
        }

        if (expired is not null)
        {
            foreach (var holder in expired)
            {
                State.Leases.Remove(holder);
            }
        }
    }

    /// <summary>Drops hour buckets that left the window: a bucket starting at h counts while now &lt; h + 24 h.</summary>
    private void PruneCredits(DateTime now)
    {
        while (State.CreditsByHour.Count > 0)
        {
            var oldest = State.CreditsByHour.Keys.First();
            if (oldest + CreditWindow > now)
            {
                break;
            }

            State.CreditsByHour.Remove(oldest);
        }
    }

    private DateTime ConcurrencyRetryAt(DateTime now, string? exceptHolder)
    {
        var retryAt = now + PollInterval;
        foreach (var (holder, lease) in State.Leases)
        {
            if (!string.Equals(holder, exceptHolder, StringComparison.Ordinal) && lease.ExpiresAt < retryAt)
            {
                retryAt = lease.ExpiresAt;
            }
        }

        return retryAt;
    }
}
