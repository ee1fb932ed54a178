using ZohoCrm.Simulator;

namespace ZohoDsr.Local.Cli.Commands;

/// <summary>Which planted subject the demo and the "try next" line use.</summary>
public static class DemoSubjects
{
    /// <summary>
    /// The subject with the most kinds of records (contacts and related records) below a few hundred records, so that
    /// the demo shows search, related records and deletion in seconds.
    /// </summary>
    public static PlantedSubject Pick(SeedResult seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return seed.Subjects
            .Where(s => s.TotalExpected is > 0 and <= 500)
            .OrderByDescending(s => s.ExpectedRecordIds.Count(m => m.Value.Count > 0))
            .ThenByDescending(s => s.TotalExpected)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? seed.Subjects.First();
    }
}
