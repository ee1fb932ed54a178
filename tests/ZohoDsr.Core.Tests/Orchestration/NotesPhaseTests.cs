using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using static ZohoDsr.Core.Tests.Orchestration.OrchestrationScenario;

namespace ZohoDsr.Core.Tests.Orchestration;

/// <summary>The notes phase (<see cref="NotesPhase"/>): notes of every record found, by Parent_Id, deleted first.</summary>
public sealed class NotesPhaseTests
{
    [Fact]
    public async Task RunAsync_NotesOn_NotesOfParentsAndChildrenFoundInOneCallAndDeletedFirst()
    {
        var org = Org();
        org.Profile = org.Profile with { FindNotes = true, DeletableModules = ["Contacts", "Leads", "Calls", "Quotes", "Notes"] };
        org.Related["Notes"] = new() { ["c1"] = ["n1"], ["l1"] = ["n2"], ["k3"] = ["n3"], ["zz"] = ["n9"] };

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete));

        FindRelatedInput notes = Assert.Single(org.InputsOf<FindRelatedInput>(ActivityNames.FindRelated), i => i.Module.Module == "Notes");
        Assert.Equal("*", notes.ParentModule);
        Assert.Equal(new RelatedModuleProfile("Notes", null, "Parent_Id"), notes.Module);
        Assert.Equal(["c1", "c2", "k1", "k2", "k3", "l1", "q1"], notes.ContactIds.Order(StringComparer.Ordinal));
        Assert.Equal(["Notes/n1", "Notes/n2", "Notes/n3"], Ids(result, RecordOutcomeKind.Deleted).Where(id => id.StartsWith("Notes/", StringComparison.Ordinal)));
        Assert.Equal("Notes", org.InputsOf<DeleteBatchInput>(ActivityNames.DeleteBatch).First().Module);
        Assert.Equal(new ModuleOutcome("Notes", "lookup", 3, 3, 0, 0, 0), result.Modules.Single(m => m.Module == "Notes"));
    }

    [Fact]
    public async Task RunAsync_NotesOff_NoNotesSearch()
    {
        var org = Org();
        org.Related["Notes"] = new() { ["c1"] = ["n1"] };

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Access));

        Assert.DoesNotContain(org.InputsOf<FindRelatedInput>(ActivityNames.FindRelated), i => i.Module.Module == "Notes");
        Assert.DoesNotContain(result.Modules, m => m.Module == "Notes");
    }
}
