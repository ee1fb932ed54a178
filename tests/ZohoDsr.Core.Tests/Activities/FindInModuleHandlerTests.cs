using ZohoCrm.Simulator;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.Tests.Support;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests.Activities;

public sealed class FindInModuleHandlerTests(SeededOrgsFixture orgs) : IClassFixture<SeededOrgsFixture>
{
    private static readonly ModuleProfile Contacts = new("Contacts", ["Email", "Secondary_Email"], []);
    private static readonly ModuleProfile Leads = new("Leads", ["Email", "Secondary_Email"], []);
    private static readonly ModuleProfile Cases = new("Cases", ["Email"], []);

    [Theory]
    [InlineData("exact")]
    [InlineData("case")]
    [InlineData("secondary")]
    [InlineData("multi-module")]
    [InlineData("over-200")]
    [InlineData("lookalikes")]
    public async Task Handle_PlantedSubject_FindsExactlyTheExpectedRecords(string name)
    {
        PlantedSubject subject = orgs.OpenSeed.Subject(name);

        foreach (ModuleProfile module in new[] { Contacts, Leads, Cases })
        {
            FindRecordsResult result = await FindAsync(orgs.Open, module, subject.Email, "r-" + name);

            Assert.Null(result.Throttled);
            Assert.Equal(Expected(subject, module.Module), result.RecordIds.Order(StringComparer.Ordinal));
            Assert.Equal(FindMethod.Coql, result.Method);
            Assert.True(result.Candidates >= result.RecordIds.Count);
            Assert.True(result.Spend.Calls >= 1);
        }
    }

    [Fact]
    public async Task Handle_LookAlikes_NeverMatchButAreCandidates()
    {
        PlantedSubject subject = orgs.OpenSeed.Subject("lookalikes");

        FindRecordsResult contacts = await FindAsync(orgs.Open, Contacts, subject.Email, "r-look");

        Assert.Single(contacts.RecordIds);
        Assert.True(contacts.Candidates > contacts.RecordIds.Count, "Search's fuzzy matches should have been filtered out");
        foreach (string lookAlike in subject.LookAlikeEmails)
        {
            FindRecordsResult decoy = await FindAsync(orgs.Open, Contacts, lookAlike, "r-look");
            Assert.DoesNotContain(contacts.RecordIds.Single(), decoy.RecordIds);
        }
    }

    [Fact]
    public async Task Handle_RecordWrittenMomentsAgo_FoundDespiteSearchIndexDelay()
    {
        const string email = "fresh.write@example.com";
        string id = orgs.Open.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Fresh", ["Email"] = "FRESH.Write@Example.com" });

        FindRecordsResult result = await FindAsync(orgs.Open, Contacts, email, "r-fresh");

        Assert.Equal([id], result.RecordIds);
    }

    [Fact]
    public async Task Handle_PaddedEmailWrittenWithinSearchIndexDelay_FoundAndDeletedButLookAlikesUntouched()
    {
        const string email = "jane.padded@example.com";
        SimOrg org = orgs.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(orgs.Simulator, [org]);
        (string padded, string[] lookAlikes) = InsertPaddedAndLookAlikes(org, email);

        FindRecordsResult found = await host.Get<FindInModuleHandler>().HandleAsync(new FindInModuleInput(org.OrgId, "r-padded", Contacts, email), CancellationToken.None);
        ExportRecordsResult export = await host.Get<ExportRecordsHandler>()
            .HandleAsync(new ExportRecordsInput(org.OrgId, "r-padded", "Contacts", found.RecordIds, 1), CancellationToken.None);
        DeleteBatchResult deleted = await host.Get<DeleteBatchHandler>()
            .HandleAsync(new DeleteBatchInput(org.OrgId, "r-padded", "Contacts", found.RecordIds), CancellationToken.None);

        Assert.Equal([padded], found.RecordIds);
        Assert.Equal(FindMethod.Coql, found.Method);
        Assert.Empty(found.Gaps);
        Assert.Equal(1 + lookAlikes.Length, found.Candidates);
        Assert.Equal(1, export.Count);
        Assert.Equal([new RecordOutcome("Contacts", padded, RecordOutcomeKind.Deleted)], deleted.Outcomes);
        Assert.Equal(RecordTruthState.RecycleBin, org.GetRecordTruth("Contacts", padded)!.State);
        Assert.All(lookAlikes, id => Assert.Equal(RecordTruthState.Live, org.GetRecordTruth("Contacts", id)!.State));
    }

    [Fact]
    public async Task Handle_PaddedEmailWrittenWithinSearchIndexDelayAndEqualsConfigured_MissedAsBefore()
    {
        const string email = "june.padded@example.com";
        SimOrg org = orgs.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(orgs.Simulator, [org], new Dictionary<string, string?> { ["ZohoDsr:CoqlEmailMatch"] = "Equals" });
        InsertPaddedAndLookAlikes(org, email);
        string exact = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Exact", ["Email"] = email });

        FindRecordsResult result = await host.Get<FindInModuleHandler>().HandleAsync(new FindInModuleInput(org.OrgId, "r-equals", Contacts, email), CancellationToken.None);

        Assert.Equal([exact], result.RecordIds);
        Assert.Equal(1, result.Candidates);
        Assert.Empty(result.Gaps);
    }

    [Fact]
    public async Task Handle_ZohoRefusesLikeOnEmailFields_FallsBackToEqualsAndReportsGap()
    {
        const string email = "jim.padded@example.com";
        await using SimulatorHost simulator = await SimulatorHost.StartAsync(new SimulatorOptions { SearchIndexDelay = TimeSpan.FromHours(1), CoqlRefusesLikeOnEmailFields = true });
        SimOrg org = simulator.AddOrg(new SimOrgSpec { OrgId = "77009" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        TestLogCapture.Forbid($"org {org.OrgId}'s client secret", org.ClientSecret);
        using CoreTestHost host = CoreTestHost.Create(simulator, [org]);
        InsertPaddedAndLookAlikes(org, email);
        string exact = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Exact", ["Email"] = email });

        FindRecordsResult result = await host.Get<FindInModuleHandler>().HandleAsync(new FindInModuleInput(org.OrgId, "r-refused", Contacts, email), CancellationToken.None);

        Assert.Equal([exact], result.RecordIds);
        Assert.Equal(FindMethod.Coql, result.Method);
        Assert.Equal([new ModuleGap("Contacts", ModuleSearch.LikeRefusedReason, "INVALID_QUERY")], result.Gaps);
        AuditTrail trail = await AuditTrail.ReadAsync(host.Get<IExportStore>(), org.OrgId, "r-refused", CancellationToken.None);
        Assert.Equal(
            [(AuditActions.Coql, AuditOutcomes.FallbackEquals), (AuditActions.Coql, AuditOutcomes.Ok), (AuditActions.Search, AuditOutcomes.Ok), (AuditActions.Mentions, AuditOutcomes.Ok), (AuditActions.Find, AuditOutcomes.Ok)],
            trail.Entries.Select(e => (e.Action, e.Outcome)));
    }

    [Fact]
    public async Task Handle_RestrictedEmailField_ScansWithPrivateFieldsAndFindsExpected()
    {
        PlantedSubject subject = orgs.RestrictedSeed.Subject("case");
        var profile = new ModuleProfile("Contacts", ["Email", "Secondary_Email"], ["Email"]);

        FindRecordsResult result = await FindAsync(orgs.Restricted, profile, subject.Email, "r-restricted");

        Assert.Equal(FindMethod.Scan, result.Method);
        Assert.Equal(Expected(subject, "Contacts"), result.RecordIds.Order(StringComparer.Ordinal));
        Assert.True(result.Spend.Calls > orgs.Restricted.Count("Contacts") / 2, "the private-field scan reads records one by one");
    }

    [Fact]
    public async Task Handle_RestrictedFieldUnknownToMetadata_FallsBackToScan()
    {
        PlantedSubject subject = orgs.RestrictedSeed.Subject("exact");

        FindRecordsResult result = await FindAsync(orgs.Restricted, Contacts, subject.Email, "r-fallback");

        Assert.Equal(FindMethod.Scan, result.Method);
        Assert.Equal(Expected(subject, "Contacts"), result.RecordIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Handle_NoEmailFields_ReturnsNothingWithoutCalls()
    {
        FindRecordsResult result = await FindAsync(orgs.Open, new ModuleProfile("Accounts", [], []), "x@example.com", "r-none");

        Assert.Empty(result.RecordIds);
        Assert.Equal(FindMethod.None, result.Method);
        Assert.Equal(0, result.Spend.Calls);
    }

    [Fact]
    public async Task Handle_Found_AuditHasSubjectHashButNoEmailAndLogsHaveNeither()
    {
        PlantedSubject subject = orgs.OpenSeed.Subject("exact");
        string requestId = "r-audit-" + Guid.NewGuid().ToString("N")[..6];

        FindRecordsResult result = await FindAsync(orgs.Open, Contacts, subject.Email, requestId);

        string audit = await File.ReadAllTextAsync(Path.Combine(orgs.Host.ExportPath, orgs.Open.OrgId, requestId, "audit.jsonl"));
        Assert.Contains("\"subjectHash\":", audit, StringComparison.Ordinal);
        Assert.Contains(result.RecordIds[0], audit, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"coql\"", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(subject.Email, audit, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(orgs.Host.Logs.Lines);
        Assert.DoesNotContain(orgs.Host.Logs.Lines, l => l.Contains(subject.Email, StringComparison.OrdinalIgnoreCase)
            || l.Contains(orgs.Open.RefreshToken, StringComparison.Ordinal)
            || l.Contains(orgs.Open.ClientSecret, StringComparison.Ordinal)
            || l.Contains("1000.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handle_RestrictedScanDisabled_ReportsGapForUncheckedRecords()
    {
        PlantedSubject subject = orgs.RestrictedSeed.Subject("exact");
        var profile = new ModuleProfile("Contacts", ["Email", "Secondary_Email"], ["Email"]);
        using CoreTestHost host = CoreTestHost.Create(orgs.Simulator, [orgs.Restricted], new Dictionary<string, string?> { ["ZohoDsr:ScanRestrictedEmailFields"] = "false" });

        FindRecordsResult result = await host.Get<FindInModuleHandler>().HandleAsync(new FindInModuleInput(orgs.Restricted.OrgId, "r-noscan", profile, subject.Email), CancellationToken.None);

        Assert.Equal(FindMethod.Scan, result.Method);
        ModuleGap gap = Assert.Single(result.Gaps);
        Assert.Equal(new ModuleGap("Contacts", "email fields restricted and scan disabled"), gap);
    }

    [Fact]
    public async Task Handle_SameCallDeliveredTwice_AuditHasEachLineOnce()
    {
        PlantedSubject subject = orgs.OpenSeed.Subject("multi-module");
        string requestId = "r-twice-" + Guid.NewGuid().ToString("N")[..6];
        var input = new FindInModuleInput(orgs.Open.OrgId, requestId, Contacts, subject.Email) { CallId = "i-9:2" };

        FindRecordsResult delivered = await orgs.Host.Get<FindInModuleHandler>().HandleAsync(input, CancellationToken.None);
        FindRecordsResult again = await orgs.Host.Get<FindInModuleHandler>().HandleAsync(input, CancellationToken.None);

        Assert.Equal(delivered.RecordIds, again.RecordIds);
        AuditTrail trail = await AuditTrail.ReadAsync(orgs.Host.Get<IExportStore>(), orgs.Open.OrgId, requestId, CancellationToken.None);
        Assert.Equal([AuditActions.Coql, AuditActions.Search, AuditActions.Mentions, AuditActions.Find], trail.Entries.Select(e => e.Action));
        Assert.Equal(delivered.RecordIds.Count, trail.Sum(AuditActions.Find, AuditOutcomes.Ok));
        Assert.All(trail.Entries, e => Assert.Equal((ActivityNames.FindInModule, "i-9:2"), (e.Writer, e.CallId)));
        Assert.All(trail.Entries, e => Assert.NotNull(e.SubjectHash));
    }

    [Fact]
    public async Task Handle_OpenOrg_NoGaps()
    {
        PlantedSubject subject = orgs.OpenSeed.Subject("exact");

        FindRecordsResult result = await FindAsync(orgs.Open, Contacts, subject.Email, "r-nogap");

        Assert.Empty(result.Gaps);
    }

    [Fact]
    public async Task Handle_SubjectMentionedInDescriptions_ReportsExactlyThePlantedParentMentions()
    {
        PlantedSubject subject = orgs.OpenSeed.Subject("multi-module");
        var reported = new List<Mention>();

        foreach (ModuleProfile module in new[] { Contacts, Leads, Cases })
        {
            FindRecordsResult result = await FindAsync(orgs.Open, module, subject.Email, "r-mentions");

            Assert.Equal(Expected(subject, module.Module), result.RecordIds.Order(StringComparer.Ordinal));
            Assert.DoesNotContain(result.Mentions, m => result.RecordIds.Contains(m.Id));
            reported.AddRange(result.Mentions);
        }

        string[] parents = ["Contacts", "Leads", "Cases"];
        List<Mention> planted = [.. subject.Mentions.Where(m => parents.Contains(m.Module)).Select(m => new Mention(m.Module, m.Id, m.Field))];
        Assert.Contains(planted, m => m.Module == "Contacts");
        Assert.Contains(planted, m => m.Module == "Cases");
        Assert.Equal(Ordered(planted), Ordered(reported));
    }

    [Fact]
    public async Task Handle_MentionedRecord_ReportedButNeverFoundNorDeleted()
    {
        const string email = "mina.mention@example.com";
        SimOrg org = orgs.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(orgs.Simulator, [org]);
        string subject = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Mention", ["Email"] = email, ["Description"] = "Self: " + email });
        string mention = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Colleague", ["Email"] = "colleague@example.com", ["Description"] = $"Cc {email.ToUpperInvariant()}." });
        string lookAlike = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Other", ["Description"] = "Write to x" + email });

        FindRecordsResult found = await host.Get<FindInModuleHandler>().HandleAsync(new FindInModuleInput(org.OrgId, "r-mention", Contacts, email), CancellationToken.None);
        DeleteBatchResult deleted = await host.Get<DeleteBatchHandler>()
            .HandleAsync(new DeleteBatchInput(org.OrgId, "r-mention", "Contacts", found.RecordIds), CancellationToken.None);

        Assert.Equal([subject], found.RecordIds);
        Assert.Equal([new Mention("Contacts", mention, "Description")], found.Mentions);
        Assert.Equal([new RecordOutcome("Contacts", subject, RecordOutcomeKind.Deleted)], deleted.Outcomes);
        Assert.Equal(RecordTruthState.RecycleBin, org.GetRecordTruth("Contacts", subject)!.State);
        Assert.Equal(RecordTruthState.Live, org.GetRecordTruth("Contacts", mention)!.State);
        Assert.Equal(RecordTruthState.Live, org.GetRecordTruth("Contacts", lookAlike)!.State);
    }

    [Fact]
    public async Task Handle_MentionsSwitchedOff_NoneReportedAndNoExtraCall()
    {
        PlantedSubject subject = orgs.OpenSeed.Subject("multi-module");
        using CoreTestHost host = CoreTestHost.Create(orgs.Simulator, [orgs.Open], new Dictionary<string, string?> { ["ZohoDsr:ReportMentions"] = "false" });

        FindRecordsResult off = await host.Get<FindInModuleHandler>().HandleAsync(new FindInModuleInput(orgs.Open.OrgId, "r-off", Cases, subject.Email), CancellationToken.None);
        FindRecordsResult on = await FindAsync(orgs.Open, Cases, subject.Email, "r-on");

        Assert.Empty(off.Mentions);
        Assert.NotEmpty(on.Mentions);
        Assert.Equal(on.RecordIds, off.RecordIds);
        Assert.Equal(on.Spend.Calls - 1, off.Spend.Calls);
    }

    private static List<Mention> Ordered(IEnumerable<Mention> mentions)
        => [.. mentions.OrderBy(m => m.Module, StringComparer.Ordinal).ThenBy(m => m.Id, StringComparer.Ordinal)];

    /// <summary>A contact whose Email is the email with spaces around it, and two that merely contain it; all written just now.</summary>
    private static (string Padded, string[] LookAlikes) InsertPaddedAndLookAlikes(SimOrg org, string email)
    {
        string padded = org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Padded", ["Email"] = "  " + email + " " });
        string[] lookAlikes =
        [
            org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Prefix", ["Email"] = "x" + email }),
            org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Suffix", ["Secondary_Email"] = email + ".evil" }),
        ];
        return (padded, lookAlikes);
    }

    private Task<FindRecordsResult> FindAsync(SimOrg org, ModuleProfile module, string email, string requestId)
        => orgs.Host.Get<FindInModuleHandler>().HandleAsync(new FindInModuleInput(org.OrgId, requestId, module, email), CancellationToken.None);

    private static IEnumerable<string> Expected(PlantedSubject subject, string module)
        => (subject.ExpectedRecordIds.TryGetValue(module, out IReadOnlyList<string>? ids) ? ids : []).Order(StringComparer.Ordinal);
}
