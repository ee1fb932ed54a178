using System.Buffers.Binary;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// The wait before retrying a throttled call: exponential backoff with full jitter, where the jitter comes from the
/// orchestration's deterministic <see cref="IDsrOrchestrationContext.NewGuid"/> so that a replay waits exactly as long.
/// </summary>
public static class ThrottleBackoff
{
    /// <summary>
    /// For the <paramref name="attempt"/>-th throttle of one call (1-based): a uniform fraction (from the first 8 bytes of
    /// <paramref name="jitter"/>) of min(<paramref name="maxDelay"/>, <paramref name="baseDelay"/> × 2^(attempt − 1)),
    /// raised to <paramref name="retryAfter"/> when Zoho sent one (a <c>Retry-After</c> header; Zoho sends none on 429, so
    /// it is usually null and the backoff alone decides), capped at <paramref name="maxDelay"/>.
    /// </summary>
    public static TimeSpan Compute(int attempt, Guid jitter, TimeSpan? retryAfter, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, TimeSpan.Zero);

        var ceilingTicks = (double)baseDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 62));
        ceilingTicks = Math.Min(ceilingTicks, maxDelay.Ticks);
        var jittered = TimeSpan.FromTicks((long)(ceilingTicks * Fraction(jitter)));
        var delay = retryAfter is { } floor && floor > jittered ? floor : jittered;
        return delay > maxDelay ? maxDelay : delay;
    }

    /// <summary>A fraction in [0, 1) from the GUID's first 8 bytes (little-endian).</summary>
    public static double Fraction(Guid jitter)
    {
        Span<byte> bytes = stackalloc byte[16];
        jitter.TryWriteBytes(bytes);
        var value = BinaryPrimitives.ReadUInt64LittleEndian(bytes) >> 11; // 53 bits: exact in a double
        return value / (double)(1UL << 53);
    }
}
