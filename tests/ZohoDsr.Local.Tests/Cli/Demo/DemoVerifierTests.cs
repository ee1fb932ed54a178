using ZohoCrm.Simulator;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Cli.Demo;

namespace ZohoDsr.Local.Tests.Cli.Demo;

public sealed class DemoVerifierTests : IAsyncLifetime
{
    private SimulatorHost _simulator = null!;
    private SimOrg _org = null!;
    private PlantedSubject _subject = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorHost.StartAsync(new SimulatorOptions(), CancellationToken.None);
        _org = _simulator.AddOrg(new SimOrgSpec { OrgId = "demo" });
        _subject = _org.Seed(new SeedSpec { Contacts = 10, Leads = 5, Cases = 5 }).Subject("exact");
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public void Verify_DeleteReportedButRecordsStillThere_FailsTheDeletionChecks()
    {
        IReadOnlyList<DemoCheck> checks = Verify(deletedRecords: DeletableRecords(), simulatorDeleted: 0);

        Assert.False(checks.Single(c => c.Name == "deleted records are gone from the simulator").Passed);
        Assert.False(checks.Single(c => c.Name == "simulator's deleted-records counter agrees").Passed);
        Assert.True(checks.Single(c => c.Name == "records deleted == planted records of deletable modules").Passed);
    }

    [Fact]
    public void Verify_DeletedRecordOfSomeoneElse_FailsNamingIt()
    {
        var records = DeletableRecords().Append(new RecordOutcome("Contacts", "999", RecordOutcomeKind.Deleted)).ToList();

        DemoCheck check = Verify(records, records.Count).Single(c => c.Name == "records deleted == planted records of deletable modules");

        Assert.False(check.Passed);
        Assert.Contains("Contacts/999", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_AccessMissedTheDeal_FailsNamingIt()
    {
        string deal = Assert.Single(_subject.ExpectedDealIds);
        var found = DemoVerifier.Owned(_subject)
            .SelectMany(e => e.Value.Select(id => new RecordOutcome(e.Key, id, RecordOutcomeKind.Found)))
            .Where(r => r.RecordId != deal)
            .ToList();
        DsrStatusView access = View(DsrRequestType.Access, found, [.. DemoVerifier.Owned(_subject).Keys]);
        DsrStatusView empty = View(DsrRequestType.Delete, [], []);

        IReadOnlyList<DemoCheck> checks = DemoVerifier.Verify(_org, _subject, new DsrOptions().DeletableModules, access, empty, 0, 0, empty, 0);

        DemoCheck linked = checks.Single(c => c.Name == "access found the deals, lead-linked activities and notes");
        Assert.False(linked.Passed);
        Assert.Contains("Deals/" + deal, linked.Detail, StringComparison.Ordinal);
        Assert.False(checks.Single(c => c.Name == "access found exactly the planted records").Passed);
    }

    [Fact]
    public void Owned_MultiModuleSubject_HoldsDealsLeadActivitiesAndNotesButNoAttachments()
    {
        PlantedSubject nina = _simulator.AddOrg(new SimOrgSpec { OrgId = "demo-multi" }).Seed(new SeedSpec { Contacts = 10, Leads = 5, Cases = 5 }).Subject("multi-module");

        IReadOnlyDictionary<string, IReadOnlyList<string>> owned = DemoVerifier.Owned(nina);

        Assert.Equal(nina.ExpectedDealIds, owned["Deals"]);
        Assert.Contains(nina.ExpectedLeadActivityIds["Tasks"].Single(), owned["Tasks"]);
        Assert.Equal(nina.ExpectedNotes.Select(n => n.Id).Order(StringComparer.Ordinal), owned["Notes"]);
        Assert.False(owned.ContainsKey("Attachments"));
    }

    private List<RecordOutcome> DeletableRecords() => [.. DemoVerifier.Owned(_subject)
        .Where(e => new DsrOptions().DeletableModules.Contains(e.Key))
        .SelectMany(e => e.Value.Select(id => new RecordOutcome(e.Key, id, RecordOutcomeKind.Deleted)))];

    private IReadOnlyList<DemoCheck> Verify(IReadOnlyList<RecordOutcome> deletedRecords, long simulatorDeleted)
    {
        DsrStatusView access = View(DsrRequestType.Access, [], []);
        DsrStatusView dryRun = View(DsrRequestType.Delete, [], []);
        DsrStatusView delete = View(DsrRequestType.Delete, deletedRecords, [.. DemoVerifier.Owned(_subject).Keys]);
        return DemoVerifier.Verify(_org, _subject, new DsrOptions().DeletableModules, access, dryRun, 0, _subject.TotalExpected, delete, simulatorDeleted);
    }

    private static DsrStatusView View(DsrRequestType type, IReadOnlyList<RecordOutcome> records, IReadOnlyList<string> modules) => new()
    {
        RequestId = "r",
        OrgId = "demo",
        InstanceId = "i",
        Status = DsrStatus.Completed,
        Result = new DsrResult
        {
            RequestId = "r",
            OrgId = "demo",
            Type = type,
            Status = DsrStatus.Completed,
            Records = records,
            Modules = [.. modules.Select(m => new ModuleOutcome(m, "coql", 0, records.Count(r => r.Module == m), 0, 0, 0))],
        },
    };
}
