using ZohoDsr.Benchmarks.Harness;

namespace ZohoDsr.Benchmarks.Scenarios.Cost;

/// <summary>One request of one subject on one org size: ours (measured), the seed's scan (measured) and the lower bound.</summary>
public sealed record CostMeasurement
{
    public required CostOrgSize Size { get; init; }

    public required SubjectShape Subject { get; init; }

    public required RequestMode Mode { get; init; }

    public required CallTally Ours { get; init; }

    public required TimeSpan OursWall { get; init; }

    /// <summary>The calls the product reported spending (<c>DsrResult.ApiCalls</c>).</summary>
    public required long OursSelfReported { get; init; }

    public required IReadOnlyDictionary<Purpose, long> OursByPurpose { get; init; }

    public required IReadOnlyDictionary<Purpose, (long Calls, long Credits)> LowerBound { get; init; }

    public required long ScanCalls { get; init; }

    public required long ScanCredits { get; init; }

    /// <summary>The scan's wall time; null where it was not run (its calls are then counted, not measured).</summary>
    public required TimeSpan? ScanWall { get; init; }

    public required int? ScanPeak { get; init; }

    /// <summary>False where the scan's calls are counted from the records instead of measured (the 1M org).</summary>
    public bool ScanMeasured { get; init; } = true;

    /// <summary>The pages a complete read takes when Zoho stopped the scan early, or it was not run (else null).</summary>
    public long? ScanCallsIfComplete { get; init; }

    public long LowerBoundCalls => LowerBound.Values.Sum(v => v.Calls);

    public long LowerBoundCredits => LowerBound.Values.Sum(v => v.Credits);

    public static string ModeLabel(RequestMode mode) => mode switch
    {
        RequestMode.Access => "access",
        RequestMode.DeleteDryRun => "delete (dry run)",
        _ => "delete",
    };
}
