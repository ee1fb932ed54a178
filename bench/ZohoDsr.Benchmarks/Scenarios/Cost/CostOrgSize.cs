using ZohoCrm.Simulator;

namespace ZohoDsr.Benchmarks.Scenarios.Cost;

/// <summary>An org size of the cost scenario: what is seeded (records per module), and what did not fit.</summary>
public sealed record CostOrgSize(string Label, int PerModule, SeedSpec Seed, string? Note = null)
{
    /// <summary>
    /// Whether the seed's scan is run here. At 1M it is not: Zoho stops Get Records at 100,000 records per module
    /// (measured at 100k), so the scan stops where it does at 100k; its calls to finish are counted from the records.
    /// </summary>
    public bool ScanMeasured { get; init; } = true;

    /// <summary>
    /// Whether the 2,500-record access runs here: over a minute each, and our calls do not depend on the org's size (the
    /// other subjects' rows show it), so it runs on the smallest org only.
    /// </summary>
    public bool LargeAccess { get; init; } = true;

    /// <summary>1k, 10k and 100k records in every module; 1M in Contacts only (10M records would not fit the time budget).</summary>
    public static IReadOnlyList<CostOrgSize> All { get; } =
    [
        Even("1k", 1_000),
        Even("10k", 10_000) with { LargeAccess = false },
        Even("100k", 100_000) with { LargeAccess = false },
        new("1M", 1_000_000, new SeedSpec { Contacts = 1_000_000, Leads = 100_000, Cases = 100_000, RelatedPerContact = 1, PlantSubjects = false },
            "1M in Contacts only; Leads and Cases 100k, each child module ~143k (1M in every module, ~10M records, does not fit this machine's 10-minute budget)")
        {
            ScanMeasured = false,
            LargeAccess = false,
        },
    ];

    /// <summary>
    /// Contacts, Leads and Cases of <paramref name="perModule"/> records; 7 children per contact on average, spread over the
    /// 7 child modules, so each holds about as many.
    /// </summary>
    private static CostOrgSize Even(string label, int perModule) =>
        new(label, perModule, new SeedSpec { Contacts = perModule, Leads = perModule, Cases = perModule, RelatedPerContact = 7, PlantSubjects = false });
}
