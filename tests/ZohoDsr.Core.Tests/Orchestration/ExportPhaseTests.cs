using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Core.Tests.Replay;
using static ZohoDsr.Core.Tests.Orchestration.OrchestrationScenario;

namespace ZohoDsr.Core.Tests.Orchestration;

/// <summary>The export phase (<see cref="ExportPhase"/>): parts of 100 records, joined into one export.</summary>
public sealed class ExportPhaseTests
{
    [Fact]
    public async Task RunAsync_Access_ExportsEveryRecordOfTheSubjectOnce()
    {
        var org = Org();

        var (result, context) = await RunAsync(org, Input(DsrRequestType.Access));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.Equal(
            ["Calls/k1", "Calls/k2", "Calls/k3", "Contacts/c1", "Contacts/c2", "Leads/l1", "Quotes/q1"],
            Ids(result, RecordOutcomeKind.Found));
        Assert.Equal(7, result.Records.Count);
        Assert.Equal("exports/req-1.json", result.ExportLocation);
        Assert.Equal(["parts/Calls-1.json", "parts/Contacts-2.json", "parts/Leads-3.json", "parts/Quotes-4.json"], org.InputsOf<FinalizeExportInput>(ActivityNames.FinalizeExport).Single().PartNames);
        Assert.Equal(["Calls", "Cases", "Contacts", "Leads", "Quotes"], result.Modules.Select(m => m.Module));
        Assert.Equal(new ModuleOutcome("Calls", "lookup", 3, 0, 0, 0, 0), result.Modules[0]);
        Assert.Equal(new ModuleOutcome("Quotes", "related-list", 1, 0, 0, 0, 0), result.Modules[4]);
        var zohoCalls = ZohoCalls(org);
        Assert.Equal(zohoCalls, result.ApiCalls);
        Assert.Equal(2 * zohoCalls, result.CreditsUsed);
        Assert.DoesNotContain(org.Calls, c => c.Name == ActivityNames.DeleteBatch);
        Assert.Equal(Start, result.StartedAt.UtcDateTime);
        Assert.True(result.PrivacySettings);
        Assert.Equal(DsrStatus.Completed, context.Statuses[^1].Status);
    }

    [Fact]
    public async Task RunAsync_ManyRecords_ExportPartsOf100()
    {
        var org = Org();
        org.Found["Leads"] = [.. Enumerable.Range(1, 250).Select(i => $"l{i:D3}")];

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Access));

        var parts = org.InputsOf<ExportRecordsInput>(ActivityNames.ExportRecords).Where(i => i.Module == "Leads").ToList();
        Assert.Equal([100, 100, 50], parts.Select(p => p.RecordIds.Count));
        Assert.Equal(parts.Count, parts.Select(p => p.Part).Distinct().Count());
        Assert.Equal(250, result.Modules.Single(m => m.Module == "Leads").Found);
    }

    [Fact]
    public async Task RunAsync_AccessWithMentions_ReportedInResultAndExportButNotAsRecords()
    {
        var org = Org();
        Mention[] mentions = [new("Contacts", "m9", "Description"), new("Cases", "m1", "Description")];
        org.FindMentions["Contacts"] = [mentions[0]];
        org.FindMentions["Cases"] = [mentions[1]];

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Access));

        Assert.Equal(DsrStatus.Completed, result.Status);
        Assert.Equal([mentions[1], mentions[0]], result.Mentions);
        Assert.Equal([mentions[1], mentions[0]], org.InputsOf<FinalizeExportInput>(ActivityNames.FinalizeExport).Single().Mentions);
        Assert.DoesNotContain(result.Records, r => r.RecordId.StartsWith('m'));
        Assert.DoesNotContain(org.InputsOf<ExportRecordsInput>(ActivityNames.ExportRecords).SelectMany(i => i.RecordIds), id => id.StartsWith('m'));
        Assert.Equal(2, result.Modules.Single(m => m.Module == "Contacts").Found);
    }
}
