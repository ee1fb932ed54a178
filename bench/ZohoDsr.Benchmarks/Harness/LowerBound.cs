using ZohoDsr.Core.Configuration;

namespace ZohoDsr.Benchmarks.Harness;

/// <summary>
/// The fewest Zoho calls (and credits) a request can make for a subject, with the documented APIs and nothing cached but
/// the org's metadata (reference sections 3-7, 9):
/// <list type="bullet">
/// <item>find: one exact lookup per parent module (COQL <c>Email = x or Secondary_Email = x</c>; one Search per parent
/// module does the same for up to 200 matches), one more per 2,000 matches;</item>
/// <item>related: per related module, one COQL <c>lookup in (up to 50 contact ids)</c> per 50 matched contacts (with one
/// contact, the same count as one related-list call per contact and module), and per activity module one COQL
/// <c>What_Id in (up to 50 lead ids)</c> per 50 matched leads; one COQL <c>Parent_Id in (up to 50 ids)</c> on Notes per 50
/// found records;</item>
/// <item>export (access): one Get Records <c>ids=</c> per 100 found ids per module;</item>
/// <item>delete: one delete per 100 ids per deletable module; no metadata, no verification.</item>
/// </list>
/// The modules are the product's defaults (<see cref="DsrOptions"/>), <c>Activities</c> read as Calls, Tasks and Events.
/// </summary>
public static class LowerBound
{
    public const int CoqlMaxRows = 2_000;
    public const int LookupValues = 50;
    public const int IdsPerCall = 100;

    public static IReadOnlyList<string> ParentModules { get; } = new DsrOptions().ParentModules;

    public static IReadOnlyList<string> RelatedModules { get; } = new DsrOptions().RelatedModules
        .SelectMany(m => m == "Activities" ? new[] { "Calls", "Tasks", "Events" } : [m])
        .Distinct(StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<string> DeletableModules { get; } = new DsrOptions().DeletableModules;

    /// <summary>Calls and credits by purpose for <paramref name="subject"/> and <paramref name="mode"/>.</summary>
    public static IReadOnlyDictionary<Purpose, (long Calls, long Credits)> For(PlantedSubjectRecords subject, RequestMode mode)
    {
        ArgumentNullException.ThrowIfNull(subject);
        int Count(string module) => subject.IdsByModule.GetValueOrDefault(module)?.Count ?? 0;
        var result = new Dictionary<Purpose, (long, long)>();

        long findCalls = 0, findCredits = 0;
        foreach (string module in ParentModules)
        {
            (long calls, long credits) = Coql(Count(module));
            findCalls += calls;
            findCredits += credits;
        }

        result[Purpose.Find] = (findCalls, findCredits);

        int contacts = subject.ContactIds.Count;
        long relatedCalls = 0, relatedCredits = 0;
        if (contacts > 0)
        {
            int chunks = (contacts + LookupValues - 1) / LookupValues;
            foreach (string module in RelatedModules)
            {
                // Rows spread evenly over the chunks: what each lookup query returns.
                int rows = Count(module);
                for (int chunk = 0; chunk < chunks; chunk++)
                {
                    (long calls, long credits) = Coql((rows / chunks) + (chunk < rows % chunks ? 1 : 0));
                    relatedCalls += calls;
                    relatedCredits += credits;
                }
            }
        }

        int leads = Count("Leads");
        if (leads > 0 && new DsrOptions().FindLeadActivities)
        {
            // The activities linked to a matched lead: one COQL What_Id in (up to 50 lead ids) per activity module.
            int chunks = (leads + LookupValues - 1) / LookupValues;
            int activityModules = RelatedModules.Count(m => m is "Calls" or "Tasks" or "Events");
            relatedCalls += (long)chunks * activityModules;
            relatedCredits += (long)chunks * activityModules;
        }

        long found = subject.IdsByModule.Values.Sum(ids => (long)ids.Count);
        if (found > 0 && new DsrOptions().IncludeNotes)
        {
            // The notes of every found record: one COQL Parent_Id in (up to 50 ids of any module) per 50 records.
            long noteLookups = (found + LookupValues - 1) / LookupValues;
            relatedCalls += noteLookups;
            relatedCredits += noteLookups;
        }

        result[Purpose.Related] = (relatedCalls, relatedCredits);
        if (mode == RequestMode.Access)
        {
            long reads = subject.IdsByModule.Values.Sum(ids => (long)((ids.Count + IdsPerCall - 1) / IdsPerCall));
            result[Purpose.Export] = (reads, reads);
        }

        if (mode == RequestMode.Delete)
        {
            long deletes = DeletableModules.Sum(m => (long)((Count(m) + IdsPerCall - 1) / IdsPerCall));
            result[Purpose.Delete] = (deletes, deletes);
        }

        return result;
    }

    /// <summary>One COQL query returning <paramref name="rows"/> rows: calls of up to 2,000 rows, each charged by its LIMIT tier.</summary>
    public static (long Calls, long Credits) Coql(int rows)
    {
        if (rows <= 0)
        {
            return (1, 1);
        }

        long calls = 0, credits = 0;
        for (int left = rows; left > 0; left -= CoqlMaxRows)
        {
            calls++;
            credits += Math.Min(left, CoqlMaxRows) switch
            {
                <= 200 => 1,
                <= 1_000 => 2,
                _ => 3,
            };
        }

        return (calls, credits);
    }
}
