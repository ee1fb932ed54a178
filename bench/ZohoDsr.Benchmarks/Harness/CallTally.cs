using ZohoCrm.Simulator;

namespace ZohoDsr.Benchmarks.Harness;

/// <summary>
/// Calls and credits by endpoint kind, as an org's <see cref="SimCounters"/> counted them since their last reset. The
/// simulator keeps one credit total: COQL's share (1 to 3 per call, by LIMIT) is the total less the other calls'
/// table costs.
/// </summary>
public sealed record CallTally
{
    public static CallTally Empty { get; } = new()
    {
        Calls = EndpointKinds.All.ToDictionary(k => k, _ => 0L),
        Credits = EndpointKinds.All.ToDictionary(k => k, _ => 0L),
    };

    public required IReadOnlyDictionary<EndpointKind, long> Calls { get; init; }

    public required IReadOnlyDictionary<EndpointKind, long> Credits { get; init; }

    /// <summary>The most calls the org had in flight at once.</summary>
    public int PeakConcurrency { get; init; }

    /// <summary>429 answers.</summary>
    public long Throttled { get; init; }

    /// <summary>Token endpoint calls (not API calls: no credits).</summary>
    public long TokenRequests { get; init; }

    public long TotalCalls => Calls.Values.Sum();

    public long TotalCredits => Credits.Values.Sum();

    public long this[EndpointKind kind] => Calls.GetValueOrDefault(kind);

    public static CallTally From(SimCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        IReadOnlyDictionary<string, long> byEndpoint = counters.CallsByEndpoint;
        long creditsUsed = counters.CreditsUsed;
        var calls = EndpointKinds.All.ToDictionary(k => k, _ => 0L);
        var credits = EndpointKinds.All.ToDictionary(k => k, _ => 0L);
        foreach ((string endpoint, long count) in byEndpoint)
        {
            EndpointKind kind = EndpointKinds.Classify(endpoint);
            calls[kind] += count;
            if (EndpointKinds.CreditsPerCall(endpoint) is { } unit)
            {
                credits[kind] += count * unit;
            }
        }

        credits[EndpointKind.Coql] = Math.Max(0, creditsUsed - credits.Values.Sum());
        return new CallTally
        {
            Calls = calls,
            Credits = credits,
            PeakConcurrency = counters.PeakConcurrency,
            Throttled = counters.ThrottledCalls,
            TokenRequests = counters.TokenRequests,
        };
    }

    /// <summary>One line naming the kinds with calls, e.g. <c>metadata 5, COQL 6, Search 3</c>.</summary>
    public string Describe() => string.Join(", ", EndpointKinds.All.Where(k => this[k] > 0).Select(k => $"{EndpointKinds.Label(k)} {this[k]:N0}"));
}
