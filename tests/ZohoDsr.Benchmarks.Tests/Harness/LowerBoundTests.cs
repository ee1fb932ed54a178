using ZohoDsr.Benchmarks.Harness;

namespace ZohoDsr.Benchmarks.Tests.Harness;

public sealed class LowerBoundTests
{
    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(200, 1, 1)]
    [InlineData(201, 1, 2)]
    [InlineData(1_000, 1, 2)]
    [InlineData(1_001, 1, 3)]
    [InlineData(2_000, 1, 3)]
    [InlineData(2_001, 2, 4)]
    public void Coql_Rows_CallsOfUpTo2000ChargedByLimitTier(int rows, long calls, long credits)
        => Assert.Equal((calls, credits), LowerBound.Coql(rows));

    [Fact]
    public void For_FiftyRecordSubject_OneLookupPerModuleAndOneCallPer100Ids()
    {
        PlantedSubjectRecords subject = Subject(SubjectShape.ForTotal(50));

        var access = LowerBound.For(subject, RequestMode.Access);
        var delete = LowerBound.For(subject, RequestMode.Delete);
        var dryRun = LowerBound.For(subject, RequestMode.DeleteDryRun);

        Assert.Equal((3L, 3L), access[Purpose.Find]);
        Assert.Equal((12L, 12L), access[Purpose.Related]); // 8 related modules (Deals too), 3 activity modules for the lead, 1 notes lookup
        Assert.Equal((10L, 10L), access[Purpose.Export]); // 10 modules with records, each under 100
        Assert.Equal((7L, 7L), delete[Purpose.Delete]); // Contacts, Leads, Cases, Calls, Quotes, Tasks, Invoices
        Assert.False(dryRun.ContainsKey(Purpose.Delete));
        Assert.False(dryRun.ContainsKey(Purpose.Export));
    }

    [Fact]
    public void For_LargeSubject_PagesPast200RowsCostMoreCredits()
    {
        PlantedSubjectRecords subject = Subject(SubjectShape.ForTotal(2_500));

        var access = LowerBound.For(subject, RequestMode.Access);

        Assert.Equal((3L, 4L), access[Purpose.Find]); // 390 cases: one COQL of LIMIT 1,000
        Assert.Equal((61L, 68L), access[Purpose.Related]); // 300 rows per module for 5 contacts: one lookup each; Deals and the 5 leads' activities: 1 each; notes of 2,500 records: 50
        Assert.Equal(1L + 1 + 4 + (7 * 3), access[Purpose.Export].Calls);
    }

    private static PlantedSubjectRecords Subject(SubjectShape shape)
    {
        int next = 1;
        List<string> Ids(int count) => Enumerable.Range(0, count).Select(_ => (next++).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var ids = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["Contacts"] = Ids(shape.Contacts),
            ["Leads"] = Ids(shape.Leads),
            ["Cases"] = Ids(shape.Cases),
        };
        foreach ((string module, _) in SubjectShape.ChildModules)
        {
            ids[module] = Ids(shape.ChildrenPerModule);
        }

        return new PlantedSubjectRecords("subject@example.test", shape, ids.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }
}
