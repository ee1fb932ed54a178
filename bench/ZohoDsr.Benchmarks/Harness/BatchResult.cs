namespace ZohoDsr.Benchmarks.Harness;

/// <summary>What a batch of requests submitted at once did: throughput, completion times, throttling and concurrency.</summary>
public sealed record BatchResult
{
    public required int Requests { get; init; }

    public required int Completed { get; init; }

    /// <summary>From the first submission to the last completion.</summary>
    public required TimeSpan Wall { get; init; }

    /// <summary>Each request's time from its submission to its completion.</summary>
    public required IReadOnlyList<TimeSpan> CompletionTimes { get; init; }

    /// <summary>429 answers Zoho (the simulator) gave, over every org.</summary>
    public required long Throttled { get; init; }

    /// <summary>The most calls one org had in flight at once.</summary>
    public required int PeakPerOrg { get; init; }

    /// <summary>The mean calls in flight per org while requests were unfinished.</summary>
    public required double MeanInFlightPerOrg { get; init; }

    /// <summary>API calls over every org.</summary>
    public required long Calls { get; init; }

    public required long Credits { get; init; }

    public double RequestsPerMinute => Wall <= TimeSpan.Zero ? 0 : Requests / Wall.TotalMinutes;

    public TimeSpan P50 => Percentiles.Of(CompletionTimes, 50);

    public TimeSpan P95 => Percentiles.Of(CompletionTimes, 95);

    public TimeSpan P99 => Percentiles.Of(CompletionTimes, 99);
}
