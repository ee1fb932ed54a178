namespace ZohoDsr.Benchmarks.Harness;

/// <summary>Nearest-rank percentiles of a sample.</summary>
public static class Percentiles
{
    public static TimeSpan Of(IReadOnlyList<TimeSpan> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = values.Order().ToList();
        int rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
