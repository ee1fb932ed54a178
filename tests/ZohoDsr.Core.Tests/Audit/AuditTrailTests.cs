using System.Text.Json;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Core.Tests.Audit;

public sealed class AuditTrailTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_SameCallsLineWrittenTwice_KeptOnceWhateverItsTime()
    {
        var deleted = new AuditEntry(At, AuditActions.Delete, "Contacts", 2, AuditOutcomes.Deleted, RecordIds: ["c1", "c2"], Writer: "DeleteBatch", CallId: "i-1:7");

        AuditTrail trail = AuditTrail.Parse([Header(), Line(deleted), Line(deleted with { At = At.AddSeconds(40) })]);

        AuditEntry kept = Assert.Single(trail.Entries);
        Assert.Equal(At, kept.At);
        Assert.Equal(2, trail.Sum(AuditActions.Delete, AuditOutcomes.Deleted));
        Assert.Equal([("Contacts", "c1"), ("Contacts", "c2")], trail.RecordIds(AuditActions.Delete, AuditOutcomes.Deleted).Order());
        Assert.Equal("r-1", trail.Header?.RequestId);
    }

    [Fact]
    public void Parse_SameFactFromTwoCalls_KeptTwiceButEachRecordCountsOnce()
    {
        var first = new AuditEntry(At, AuditActions.Delete, "Contacts", 1, AuditOutcomes.Deleted, RecordIds: ["c1"], Writer: "DeleteBatch", CallId: "i-1:7");

        AuditTrail trail = AuditTrail.Parse([Line(first), Line(first with { CallId = "i-1:9" })]);

        Assert.Equal(2, trail.Entries.Count);
        Assert.Single(trail.RecordIds(AuditActions.Delete, AuditOutcomes.Deleted));
    }

    [Fact]
    public void Parse_LinesWithoutCallId_EachKept()
    {
        var legacy = new AuditEntry(At, AuditActions.Find, "Leads", 1, AuditOutcomes.Ok);

        AuditTrail trail = AuditTrail.Parse([Line(legacy), Line(legacy)]);

        Assert.Equal(2, trail.Entries.Count);
        Assert.Null(trail.Header);
    }

    [Fact]
    public void Parse_OtherOutcomeOfTheSameCall_Kept()
    {
        var deleted = new AuditEntry(At, AuditActions.Delete, "Contacts", 1, AuditOutcomes.Deleted, RecordIds: ["c1"], Writer: "DeleteBatch", CallId: "i-1:7");
        var locked = deleted with { Outcome = AuditOutcomes.Failed, ZohoCode = "RECORD_LOCKED", RecordIds = ["c2"] };

        AuditTrail trail = AuditTrail.Parse([Line(deleted), Line(locked), Line(deleted)]);

        Assert.Equal([AuditOutcomes.Deleted, AuditOutcomes.Failed], trail.Entries.Select(e => e.Outcome));
    }

    [Fact]
    public void OpenDeleteIntents_IntentWithoutOutcome_OpenFromItsFirstIntent()
    {
        var intent = new AuditEntry(At, AuditActions.Delete, "Contacts", 3, AuditOutcomes.Intent, RecordIds: ["1", "2", "3"], Writer: "DeleteBatch", CallId: "i-1:4");
        var answered = new AuditEntry(At.AddSeconds(1), AuditActions.Delete, "Contacts", 1, AuditOutcomes.Deleted, RecordIds: ["1"], Writer: "DeleteBatch", CallId: "i-1:4");
        var locked = new AuditEntry(At.AddSeconds(1), AuditActions.Delete, "Contacts", 1, AuditOutcomes.Failed, "RECORD_LOCKED", ["2"], Writer: "DeleteBatch", CallId: "i-1:4");
        var again = intent with { At = At.AddSeconds(9), Count = 1, RecordIds = ["3"], CallId = "i-1:7" };
        var otherModule = intent with { Module = "Leads", RecordIds = ["9"] };

        AuditTrail trail = AuditTrail.Parse([Header(), Line(intent), Line(answered), Line(locked), Line(again), Line(otherModule)]);

        Assert.Equal(new Dictionary<string, DateTimeOffset> { ["3"] = At }, trail.OpenDeleteIntents("Contacts"));
        Assert.Equal(["9"], trail.OpenDeleteIntents("Leads").Keys);
    }

    [Fact]
    public void OpenDeleteIntents_OutcomeBeforeALaterIntent_TheLaterIntentIsOpen()
    {
        var first = new AuditEntry(At, AuditActions.Delete, "Contacts", 1, AuditOutcomes.Intent, RecordIds: ["1"], Writer: "DeleteBatch", CallId: "i-1:4");
        var throttledThenDone = new AuditEntry(At.AddSeconds(1), AuditActions.Delete, "Contacts", 1, AuditOutcomes.Failed, "RECORD_LOCKED", ["1"], Writer: "DeleteBatch", CallId: "i-1:4");
        var retry = first with { At = At.AddSeconds(30), CallId = "i-1:8" };

        AuditTrail trail = AuditTrail.Parse([Line(first), Line(throttledThenDone), Line(retry)]);

        Assert.Equal(new Dictionary<string, DateTimeOffset> { ["1"] = At.AddSeconds(30) }, trail.OpenDeleteIntents("Contacts"));
        Assert.Empty(AuditTrail.Parse([Line(first), Line(throttledThenDone)]).OpenDeleteIntents("Contacts"));
    }

    [Fact]
    public void Vocabulary_EveryConstant_ListedOnceAndNamedInKebabCase()
    {
        foreach (IReadOnlyList<string> all in new[] { AuditActions.All, AuditOutcomes.All })
        {
            Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
            Assert.All(all, value => Assert.Matches("^[a-z]+(-[a-z]+)*$", value));
        }

        Assert.Equal(Constants(typeof(AuditActions)).Order(StringComparer.Ordinal), AuditActions.All.Order(StringComparer.Ordinal));
        Assert.Equal(Constants(typeof(AuditOutcomes)).Order(StringComparer.Ordinal), AuditOutcomes.All.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Constants(Type type)
        => type.GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);

    private static string Header()
        => JsonSerializer.Serialize(new AuditLogHeader(AuditLogHeader.HeaderKind, "org1", "r-1", At, "key-1", SubjectHash.Algorithm), DsrJson.Options);

    private static string Line(AuditEntry entry) => JsonSerializer.Serialize(entry, DsrJson.Options);
}
