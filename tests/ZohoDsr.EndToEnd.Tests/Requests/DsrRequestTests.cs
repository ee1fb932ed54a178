using System.Text.Json;
using ZohoCrm.Simulator;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.TestSupport;

namespace ZohoDsr.EndToEnd.Tests.Requests;

/// <summary>
/// Requests end to end on the real engine: the Durable Task Framework runs the Functions app's orchestrator, activities and
/// rate-gate entity over Azurite, through the real handlers and Zoho client, against the simulator (search index delay
/// on, Zoho's wire format), with exports in Azurite.
/// </summary>
public sealed class DsrRequestTests(SimulatorFixture simulator, AzuriteFixture azurite)
    : IClassFixture<SimulatorFixture>, IClassFixture<AzuriteFixture>
{
    private static readonly SeedSpec Seed = new() { Contacts = 300, Leads = 150, Cases = 100, RelatedPerContact = 2 };

    /// <summary>The default deletable modules (DsrOptions).</summary>
    private static readonly HashSet<string> Deletable = new(new ZohoDsr.Core.Configuration.DsrOptions().DeletableModules, StringComparer.Ordinal);

    private Task<EngineScenario> Scenario(SeedSpec? seed = null, IReadOnlyList<string>? restricted = null, IDictionary<string, string?>? settings = null)
        => EngineScenario.StartAsync(simulator, azurite, seed ?? Seed, restricted, settings);

    [Fact]
    public async Task Access_EveryPlantedSubject_FindsAndExportsExactlyTheirRecords()
    {
        await using var scenario = await Scenario();
        string[] names = ["exact", "case", "secondary", "multi-module", "lookalikes"];

        var results = await Task.WhenAll(names.Select(name => scenario.RunAsync(scenario.Input(scenario.Seed.Subject(name), DsrRequestType.Access))));

        var store = scenario.Host.Get<IExportStore>();
        for (var i = 0; i < names.Length; i++)
        {
            var subject = scenario.Seed.Subject(names[i]);
            var result = results[i];
            Assert.Equal(DsrStatus.Completed, result.Status);
            Assert.Equal(EngineScenario.Expected(subject), EngineScenario.IdsByModule(result, RecordOutcomeKind.Found));
            Assert.Equal(subject.TotalExpected, result.Records.Count);

            await using var export = await store.OpenExportAsync(scenario.Org.OrgId, result.RequestId, CancellationToken.None);
            using var document = await JsonDocument.ParseAsync(export!);
            var exported = document.RootElement.GetProperty("modules").EnumerateObject()
                .Where(m => m.Value.GetArrayLength() > 0)
                .ToDictionary(m => m.Name, m => m.Value.EnumerateArray().Select(r => r.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList());
            Assert.Equal(EngineScenario.Expected(subject), exported);
            var emails = Strings(document.RootElement).Where(v => v.Contains('@', StringComparison.Ordinal)).Select(v => v.Trim()).ToList();
            Assert.All(subject.LookAlikeEmails, lookAlike => Assert.DoesNotContain(lookAlike.Trim(), emails, StringComparer.OrdinalIgnoreCase));
        }

        Assert.NotEmpty(scenario.Seed.Subject("lookalikes").LookAlikeEmails);
        Assert.True(results[0].ApiCalls > 0 && results[0].CreditsUsed > 0);
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [Fact]
    public async Task Delete_Subject_RemovesExactlyItsDeletableRecordsAndVerifies()
    {
        await using var scenario = await Scenario();
        var subject = scenario.Seed.Subject("multi-module");
        var bystander = scenario.Seed.Subject("exact");

        var result = await scenario.RunAsync(scenario.Input(subject, DsrRequestType.Delete));

        Assert.Equal(DsrStatus.Completed, result.Status);
        var deletable = EngineScenario.Expected(subject, Deletable.Contains);
        var kept = EngineScenario.Expected(subject, m => !Deletable.Contains(m));
        Assert.NotEmpty(kept);
        Assert.Equal(deletable, EngineScenario.IdsByModule(result, RecordOutcomeKind.Deleted));
        Assert.Equal(kept, EngineScenario.IdsByModule(result, RecordOutcomeKind.SkippedNotDeletable));
        Assert.All(deletable.SelectMany(p => p.Value.Select(id => (p.Key, id))), r =>
        {
            Assert.False(scenario.Org.Exists(r.Key, r.id));
            Assert.True(scenario.Org.IsInRecycleBin(r.Key, r.id));
        });
        Assert.All(kept.SelectMany(p => p.Value.Select(id => (p.Key, id))), r => Assert.True(scenario.Org.Exists(r.Key, r.id)));
        Assert.All(bystander.ExpectedRecordIds.SelectMany(p => p.Value.Select(id => (p.Key, id))), r => Assert.True(scenario.Org.Exists(r.Key, r.id)));
        Assert.Equal(result.CompletedAt!.Value.AddDays(60), result.RecycleBinRetainedUntil);
        Assert.Equal(deletable.Values.Sum(v => v.Count), scenario.Org.Counters.RecordsDeleted);

        // Records that only mention the subject's email in Description are reported for review, and left alone.
        string[] parents = ["Contacts", "Leads", "Cases"];
        var planted = subject.Mentions.Where(m => parents.Contains(m.Module)).Select(m => $"{m.Module}/{m.Id}/{m.Field}").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(planted);
        Assert.Equal(planted, result.Mentions.Select(m => $"{m.Module}/{m.Id}/{m.Field}").Order(StringComparer.Ordinal));
        Assert.All(result.Mentions, m => Assert.True(scenario.Org.Exists(m.Module, m.Id)));
        Assert.DoesNotContain(result.Records, r => result.Mentions.Any(m => m.Id == r.RecordId));

        // The audit is the proof, read as an auditor reads it: each deleted record once, from the DeleteBatch call that
        // deleted it; every line in the one vocabulary and saying who wrote it; the orchestration repeats no fact.
        var trail = await AuditTrail.ReadAsync(scenario.Host.Get<IExportStore>(), scenario.Org.OrgId, result.RequestId, CancellationToken.None);
        Assert.Equal(
            deletable.SelectMany(p => p.Value.Select(id => $"{p.Key}/{id}")).Order(StringComparer.Ordinal),
            trail.RecordIds(AuditActions.Delete, AuditOutcomes.Deleted).Select(r => $"{r.Module}/{r.RecordId}").Order(StringComparer.Ordinal));
        Assert.Equal(deletable.Values.Sum(v => v.Count), trail.Sum(AuditActions.Delete, AuditOutcomes.Deleted));
        Assert.All(trail.Entries, e =>
        {
            Assert.Contains(e.Action, AuditActions.All);
            Assert.Contains(e.Outcome, AuditOutcomes.All);
            Assert.NotNull(e.CallId);
            Assert.Contains(e.Writer, ActivityNames.All.Append(OrchestrationNames.DsrOrchestration));
        });
        Assert.All(trail.Entries.Where(e => e.Action is AuditActions.Delete or AuditActions.Verify or AuditActions.Find), e => Assert.NotEqual(OrchestrationNames.DsrOrchestration, e.Writer));
        Assert.Contains(trail.Entries, e => e.Action == AuditActions.Result && e.Outcome == AuditOutcomes.Completed && e.Writer == OrchestrationNames.DsrOrchestration);
    }

    [Fact]
    public async Task Delete_PaddedEmailWrittenWithinSearchIndexDelay_DeletedAndLookAlikesKept()
    {
        await using var scenario = await Scenario(new SeedSpec { Contacts = 50, Leads = 20, Cases = 20, RelatedPerContact = 1 });
        const string email = "jane.fresh@example.com";
        string padded = scenario.Org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Padded", ["Email"] = "  " + email + " " });
        string prefixed = scenario.Org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Prefix", ["Email"] = "x" + email });
        string suffixed = scenario.Org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Suffix", ["Email"] = email + ".evil" });
        var subject = new PlantedSubject { Name = "padded", Email = email, ExpectedRecordIds = new Dictionary<string, IReadOnlyList<string>>() };

        var result = await scenario.RunAsync(scenario.Input(subject, DsrRequestType.Delete));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.Equal(new Dictionary<string, List<string>> { ["Contacts"] = [padded] }, EngineScenario.IdsByModule(result, RecordOutcomeKind.Deleted));
        Assert.Equal(RecordTruthState.RecycleBin, scenario.Org.GetRecordTruth("Contacts", padded)!.State);
        Assert.True(scenario.Org.Exists("Contacts", prefixed));
        Assert.True(scenario.Org.Exists("Contacts", suffixed));
    }

    [Fact]
    public async Task Access_UnknownSubject_CompletesWithAnEmptyExport()
    {
        await using var scenario = await Scenario(new SeedSpec { Contacts = 50, Leads = 20, Cases = 20, RelatedPerContact = 1 });
        var nobody = new PlantedSubject { Name = "nobody", Email = "nobody.here@example.org", ExpectedRecordIds = new Dictionary<string, IReadOnlyList<string>>() };

        var result = await scenario.RunAsync(scenario.Input(nobody, DsrRequestType.Access));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.Empty(result.Records);
        await using var export = await scenario.Host.Get<IExportStore>().OpenExportAsync(scenario.Org.OrgId, result.RequestId, CancellationToken.None);
        using var document = await JsonDocument.ParseAsync(export!);
        Assert.Equal(0, document.RootElement.GetProperty("records").GetInt32());
    }

    [Fact]
    public async Task Delete_PurgeRecycleBinOnV8_PurgesTheDeletedRecords()
    {
        await using var scenario = await Scenario();
        var subject = scenario.Seed.Subject("multi-module");

        var result = await scenario.RunAsync(scenario.Input(subject, DsrRequestType.Delete) with { PurgeRecycleBin = true });

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.True(result.RecycleBinPurged);
        Assert.All(result.Records.Where(r => r.Outcome == RecordOutcomeKind.Deleted), r => Assert.False(scenario.Org.IsInRecycleBin(r.Module, r.RecordId)));
    }

    [Fact]
    public async Task Delete_DryRun_DeletesNothing()
    {
        await using var scenario = await Scenario();
        var subject = scenario.Seed.Subject("multi-module");

        var result = await scenario.RunAsync(scenario.Input(subject, DsrRequestType.Delete) with { DryRun = true });

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.Equal(EngineScenario.Expected(subject, Deletable.Contains), EngineScenario.IdsByModule(result, RecordOutcomeKind.Found));
        Assert.All(subject.ExpectedRecordIds.SelectMany(p => p.Value.Select(id => (p.Key, id))), r => Assert.True(scenario.Org.Exists(r.Key, r.id)));
        Assert.Equal(0, scenario.Org.Counters.RecordsDeleted);
    }

    [Fact]
    public async Task Delete_RequireApprovalApproved_Deletes()
    {
        await using var scenario = await Scenario();
        var subject = scenario.Seed.Subject("exact");

        var state = await scenario.StartAndWaitAsync(
            scenario.Input(subject, DsrRequestType.Delete) with { RequireApproval = true },
            id => scenario.Instances.RaiseEventAsync(id, EventNames.Approval, new ApprovalDecision(true, "dpo"), CancellationToken.None));

        Assert.Equal(DsrStatus.Completed, state.Output!.Status);
        Assert.Equal(EngineScenario.Expected(subject, Deletable.Contains), EngineScenario.IdsByModule(state.Output, RecordOutcomeKind.Deleted));
    }

    [Fact]
    public async Task Delete_RequireApprovalRejected_CanceledNothingDeleted()
    {
        await using var scenario = await Scenario();
        var subject = scenario.Seed.Subject("exact");

        var state = await scenario.StartAndWaitAsync(
            scenario.Input(subject, DsrRequestType.Delete) with { RequireApproval = true },
            id => scenario.Instances.RaiseEventAsync(id, EventNames.Approval, new ApprovalDecision(false), CancellationToken.None));

        Assert.Equal((DsrStatus.Canceled, "rejected"), (state.Output!.Status, state.Output.Error));
        Assert.Equal(0, scenario.Org.Counters.RecordsDeleted);
    }

    [Fact]
    public async Task Delete_ApprovalDeadlinePasses_FailedNothingDeleted()
    {
        await using var scenario = await Scenario();
        var subject = scenario.Seed.Subject("exact");
        var input = scenario.Input(subject, DsrRequestType.Delete) with
        {
            RequireApproval = true,
            Settings = EngineScenario.Fast with { ApprovalTimeout = TimeSpan.FromMilliseconds(200) },
        };

        var result = await scenario.RunAsync(input);

        Assert.Equal((DsrStatus.Failed, "approval deadline passed"), (result.Status, result.Error));
        Assert.Equal(0, scenario.Org.Counters.RecordsDeleted);
    }

    [Fact]
    public async Task Find_SubjectWithOver2000Matches_FindsEveryOne()
    {
        await using var scenario = await Scenario(new SeedSpec { Contacts = 100, Leads = 50, Cases = 50, RelatedPerContact = 1, PlantOver2000Subject = true });
        var subject = scenario.Seed.Subject("over-2000");

        var result = await scenario.RunAsync(scenario.Input(subject, DsrRequestType.Delete) with { DryRun = true });

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.True(subject.ExpectedRecordIds["Cases"].Count > 2000);
        Assert.Equal(EngineScenario.Expected(subject, Deletable.Contains), EngineScenario.IdsByModule(result, RecordOutcomeKind.Found));
    }

    [Fact]
    public async Task Find_RestrictedEmailField_FallsBackToScanAndFindsExactly()
    {
        await using var scenario = await Scenario(new SeedSpec { Contacts = 80, Leads = 40, Cases = 30, RelatedPerContact = 1 }, restricted: ["Contacts.Email"]);
        var subject = scenario.Seed.Subject("exact");

        var result = await scenario.RunAsync(scenario.Input(subject, DsrRequestType.Access));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.Equal("scan", result.Modules.Single(m => m.Module == "Contacts").Method);
        Assert.Equal(EngineScenario.Expected(subject), EngineScenario.IdsByModule(result, RecordOutcomeKind.Found));
    }

    [Fact]
    public async Task Find_RecordInsertedJustBefore_IsFound()
    {
        await using var scenario = await Scenario();
        var subject = scenario.Seed.Subject("exact");
        var fresh = scenario.Org.InsertRecord("Leads", new Dictionary<string, object?> { ["Last_Name"] = "Fresh", ["Company"] = "Acme", ["Email"] = subject.Email.ToUpperInvariant() });

        var result = await scenario.RunAsync(scenario.Input(subject, DsrRequestType.Access));

        Assert.Contains(new RecordOutcome("Leads", fresh, RecordOutcomeKind.Found), result.Records);
        Assert.Equal(subject.TotalExpected + 1, result.Records.Count);
    }

    [Fact]
    public async Task Faults_429StormAnd5xx_SameOutcomeAsCleanRun()
    {
        await using var scenario = await Scenario();
        var subject = scenario.Seed.Subject("multi-module");
        var clean = await scenario.RunAsync(scenario.Input(subject, DsrRequestType.Access));

        // Moderate 5xx rates: the client's circuit breaker opens at 10 % failures; 429s do not count there.
        scenario.Org.Faults.Rate429 = 0.25;
        scenario.Org.Faults.Rate500 = 0.02;
        scenario.Org.Faults.Rate503 = 0.02;
        var access = await scenario.RunAsync(scenario.Input(subject, DsrRequestType.Access));
        var delete = await scenario.RunAsync(scenario.Input(subject, DsrRequestType.Delete));
        var throttled = scenario.Org.Counters.ThrottledCalls;
        scenario.Org.Faults.Clear();

        Assert.True(throttled > 0, "the storm throttled nothing");
        Assert.True(access.Status == DsrStatus.Completed, access.Error);
        Assert.Equal(EngineScenario.IdsByModule(clean, RecordOutcomeKind.Found), EngineScenario.IdsByModule(access, RecordOutcomeKind.Found));
        Assert.True(delete.Status == DsrStatus.Completed, delete.Error);
        var gone = EngineScenario.IdsByModule(delete, RecordOutcomeKind.Deleted, RecordOutcomeKind.NotFound);
        Assert.Equal(EngineScenario.Expected(subject, Deletable.Contains), gone);
        Assert.All(gone.SelectMany(p => p.Value.Select(id => (p.Key, id))), r => Assert.False(scenario.Org.Exists(r.Key, r.id)));
    }

    [Fact]
    public async Task TwoRequestsOneOrg_NeverExceedTheGatesCap()
    {
        // Free edition: 5 calls in flight, 75 % of it = 3 permits for the org.
        await using var scenario = await Scenario(settings: new Dictionary<string, string?> { ["Zoho:Orgs:{org}:Edition"] = "Free" });
        scenario.Org.Faults.LatencyMin = TimeSpan.FromMilliseconds(2);
        scenario.Org.Faults.LatencyMax = TimeSpan.FromMilliseconds(8);
        var first = scenario.Seed.Subject("multi-module");
        var second = scenario.Seed.Subject("over-200");

        var results = await Task.WhenAll(
            scenario.RunAsync(scenario.Input(first, DsrRequestType.Delete)),
            scenario.RunAsync(scenario.Input(second, DsrRequestType.Delete)));
        scenario.Org.Faults.Clear();

        Assert.All(results, r => Assert.Equal(DsrStatus.Completed, r.Status));
        Assert.Equal(EngineScenario.Expected(second, Deletable.Contains), EngineScenario.IdsByModule(results[1], RecordOutcomeKind.Deleted));
        Assert.InRange(scenario.Org.Counters.PeakConcurrency, 2, 3);
        Assert.Equal(0, await scenario.PermitsInUseAsync());
    }
}
