namespace ZohoCrm.Client;

/// <summary>One org's client-side budget: calls, credits, calls in flight (and the peak), 429s. Thread-safe.</summary>
internal sealed class ZohoUsageTracker(ZohoEditionLimits limits, double budgetFraction)
{
    private long _calls;
    private long _credits;
    private int _inFlight;
    private int _peakInFlight;
    private long _throttled;

    public ZohoEditionLimits Limits { get; } = limits;

    public void CallStarted(int credits)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _credits, credits);
        int now = Interlocked.Increment(ref _inFlight);
        int peak = Volatile.Read(ref _peakInFlight);
        while (now > peak)
        {
            int seen = Interlocked.CompareExchange(ref _peakInFlight, now, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }
    }

    public void CallEnded() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Counts a throttled answer (429 or <c>TOO_MANY_REQUESTS</c>).</summary>
    public void ThrottledReceived() => Interlocked.Increment(ref _throttled);

    public ZohoUsage Snapshot() => new(
        Interlocked.Read(ref _calls),
        Interlocked.Read(ref _credits),
        Volatile.Read(ref _inFlight),
        Volatile.Read(ref _peakInFlight),
        Interlocked.Read(ref _throttled),
        Limits,
        budgetFraction);
}
