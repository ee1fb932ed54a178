using ZohoDsr.Benchmarks.Harness;

namespace ZohoDsr.Benchmarks.Scenarios.Cost;

/// <summary>
/// Splits a request's measured calls by purpose. Every kind but COQL belongs to one purpose; COQL serves three, told apart
/// by two runs of the same subject: a dry run limited to the parent modules (its COQL is the find's) and the full dry run
/// (the rest of its COQL is the related lookups'); what a delete or an access adds on top is verification or export.
/// </summary>
public static class OursPurposes
{
    public static IReadOnlyDictionary<Purpose, long> Of(CallTally tally, RequestMode mode, long coqlFind, long coqlDryRun)
    {
        ArgumentNullException.ThrowIfNull(tally);
        long coql = tally[EndpointKind.Coql];
        long extraCoql = Math.Max(0, coql - coqlDryRun);
        var purposes = new Dictionary<Purpose, long>
        {
            [Purpose.Find] = tally[EndpointKind.Search] + Math.Min(coql, coqlFind),
            [Purpose.Related] = tally[EndpointKind.RelatedList] + Math.Max(0, Math.Min(coql, coqlDryRun) - coqlFind),
            [Purpose.Metadata] = tally[EndpointKind.Metadata],
        };
        long reads = tally[EndpointKind.RecordGet] + tally[EndpointKind.List] + tally[EndpointKind.Other];
        if (mode == RequestMode.Access)
        {
            purposes[Purpose.Export] = reads + extraCoql;
        }

        if (mode == RequestMode.Delete)
        {
            purposes[Purpose.Delete] = tally[EndpointKind.Delete];
            purposes[Purpose.Verify] = extraCoql + tally[EndpointKind.RecycleBin] + reads;
        }

        return purposes;
    }

    /// <summary>Why ours spends more than the lower bound on a purpose, from what was measured.</summary>
    public static string Why(Purpose purpose, CostMeasurement m)
    {
        ArgumentNullException.ThrowIfNull(m);
        CallTally t = m.Ours;
        int contacts = m.Subject.Contacts;
        return purpose switch
        {
            Purpose.Metadata => $"org, fields and related-list metadata read ({t[EndpointKind.Metadata]} calls): cached per org for 5 minutes, so only the first request in that time pays",
            Purpose.Find when t[EndpointKind.Search] > 0 => $"Search cross-check after COQL ({t[EndpointKind.Search]} Search calls: one per parent module)",
            Purpose.Find => "COQL paged in LIMIT tiers (200, then 1,000, 2,000) where one call of the right LIMIT would do",
            Purpose.Related when t[EndpointKind.RelatedList] > 0 => $"related lists read per contact ({t[EndpointKind.RelatedList]} calls for {contacts} contact(s)) where one COQL per module per 50 contacts would do",
            Purpose.Related => "COQL lookups paged beyond what one query per module returns",
            Purpose.Export when t[EndpointKind.RecordGet] > 0 => $"one GET per record ({t[EndpointKind.RecordGet]:N0}) where one Get Records ids= per 100 would do (line items of Quotes, Invoices, Sales/Purchase Orders come only with a single GET)",
            Purpose.Export => "more reads than one per 100 ids",
            Purpose.Delete => "more delete calls than one per 100 ids",
            Purpose.Verify => $"checks after the deletes ({m.OursByPurpose.GetValueOrDefault(Purpose.Verify)} calls: COQL id in (...) per 50 ids, recycle bin, GETs): not in the lower bound",
            _ => string.Empty,
        };
    }
}
