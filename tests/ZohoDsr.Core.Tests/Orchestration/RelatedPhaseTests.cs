using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Core.Tests.Replay;
using static ZohoDsr.Core.Tests.Orchestration.OrchestrationScenario;

namespace ZohoDsr.Core.Tests.Orchestration;

/// <summary>The related phase (<see cref="RelatedPhase"/>): related records by contact id, in chunks.</summary>
public sealed class RelatedPhaseTests
{
    [Fact]
    public async Task RunAsync_ManyContacts_RelatedLookedUpInChunksOf50()
    {
        var org = Org();
        org.Found["Contacts"] = [.. Enumerable.Range(1, 120).Select(i => $"c{i:D3}")];

        await RunAsync(org, Input(DsrRequestType.Access));

        var calls = org.InputsOf<FindRelatedInput>(ActivityNames.FindRelated).Where(i => i.Module.Module == "Calls").ToList();
        Assert.Equal([50, 50, 20], calls.Select(c => c.ContactIds.Count));
        Assert.Equal(120, calls.SelectMany(c => c.ContactIds).Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_NoContactFound_NoRelatedLookup()
    {
        var org = Org();
        org.Found.Remove("Contacts");

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Access));

        Assert.Empty(org.InputsOf<FindRelatedInput>(ActivityNames.FindRelated));
        Assert.Equal(["Leads/l1"], Ids(result, RecordOutcomeKind.Found));
    }

    [Fact]
    public async Task RunAsync_LeadActivityModules_ActivitiesOfMatchedLeadsFoundByWhatId()
    {
        var org = Org();
        org.Profile = org.Profile with { LeadActivityModules = ["Calls"], DeletableModules = ["Contacts", "Leads", "Calls"] };
        org.Related["Calls"]["l1"] = ["k9"];

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete));

        FindRelatedInput byLead = Assert.Single(org.InputsOf<FindRelatedInput>(ActivityNames.FindRelated), i => i.ParentModule == "Leads");
        Assert.Equal(new RelatedModuleProfile("Calls", null, "What_Id"), byLead.Module);
        Assert.Equal(["l1"], byLead.ContactIds);
        Assert.DoesNotContain(org.InputsOf<FindRelatedInput>(ActivityNames.FindRelated), i => i.ParentModule == "Leads" && i.Module.Module == "Quotes");
        Assert.Equal(["Calls/k1", "Calls/k2", "Calls/k3", "Calls/k9", "Contacts/c1", "Contacts/c2", "Leads/l1"], Ids(result, RecordOutcomeKind.Deleted));
    }

    [Fact]
    public async Task RunAsync_ActivitiesPseudoModule_RecordsFiledUnderTheirRealModules()
    {
        var org = Org();
        org.Profile = org.Profile with
        {
            RelatedModules = [new RelatedModuleProfile("Activities", "Activities", "Who_Id")],
            DeletableModules = ["Contacts", "Leads", "Cases", "Calls", "Tasks"],
        };
        org.Related["Activities"] = new() { ["c1"] = ["k1", "t1"], ["c2"] = ["t2"] };

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete));

        Assert.Equal(["Calls/k1", "Contacts/c1", "Contacts/c2", "Leads/l1", "Tasks/t1", "Tasks/t2"], Ids(result, RecordOutcomeKind.Deleted));
        Assert.DoesNotContain(org.InputsOf<DeleteBatchInput>(ActivityNames.DeleteBatch), d => d.Module == "Activities");
        Assert.Equal(0, result.Modules.Single(m => m.Module == "Activities").Found);
        Assert.Equal(new ModuleOutcome("Tasks", "related-list", 2, 2, 0, 0, 0), result.Modules.Single(m => m.Module == "Tasks"));
    }
}
