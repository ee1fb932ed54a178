using ZohoCrm.Simulator;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Tests.Support;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests.Activities;

public sealed class FindRelatedHandlerTests(SeededOrgsFixture orgs) : IClassFixture<SeededOrgsFixture>
{
    [Theory]
    [InlineData("multi-module")]
    [InlineData("exact")]
    [InlineData("lookalikes")]
    public async Task Handle_EveryResolvedModule_FindsExactlyTheContactsChildren(string name)
    {
        PlantedSubject subject = orgs.OpenSeed.Subject(name);
        IReadOnlyList<string> contacts = subject.ExpectedRecordIds["Contacts"];
        OrgProfile profile = await orgs.Host.Get<ResolveOrgHandler>().HandleAsync(new ResolveOrgInput(orgs.Open.OrgId, "r-rel", null), CancellationToken.None);

        foreach (RelatedModuleProfile module in profile.RelatedModules)
        {
            FindRecordsResult result = await orgs.Host.Get<FindRelatedHandler>()
                .HandleAsync(new FindRelatedInput(orgs.Open.OrgId, "r-rel", module, contacts), CancellationToken.None);

            IEnumerable<string> expected = module.Module == "Deals"
                ? subject.ExpectedDealIds
                : subject.ExpectedRecordIds.TryGetValue(module.Module, out IReadOnlyList<string>? ids) ? ids : [];
            Assert.Equal(expected.Order(StringComparer.Ordinal), result.RecordIds.Order(StringComparer.Ordinal));
            Assert.Equal(FindMethods.Of(module), result.Method);
            Assert.Null(result.RecordIdsByModule);
        }
    }

    [Fact]
    public async Task Handle_DealsOfMatchedContacts_FoundThroughTheDealsList()
    {
        PlantedSubject subject = orgs.OpenSeed.Subject("multi-module");
        var module = new RelatedModuleProfile("Deals", "Deals", "Contact_Name");

        FindRecordsResult result = await orgs.Host.Get<FindRelatedHandler>()
            .HandleAsync(new FindRelatedInput(orgs.Open.OrgId, "r-deals", module, subject.ExpectedRecordIds["Contacts"]), CancellationToken.None);

        Assert.Equal(2, subject.ExpectedDealIds.Count);
        Assert.Equal(subject.ExpectedDealIds.Order(StringComparer.Ordinal), result.RecordIds.Order(StringComparer.Ordinal));
        Assert.Equal(FindMethod.RelatedList, result.Method);
    }

    [Theory]
    [InlineData("multi-module", "Tasks")]
    [InlineData("multi-module", "Events")]
    [InlineData("multi-module", "Calls")]
    [InlineData("case", "Calls")]
    public async Task Handle_ActivitiesOfMatchedLeads_FoundByWhatIdExactly(string name, string activityModule)
    {
        PlantedSubject subject = orgs.OpenSeed.Subject(name);
        var module = new RelatedModuleProfile(activityModule, null, "What_Id");
        var input = new FindRelatedInput(orgs.Open.OrgId, "r-lead-act", module, subject.ExpectedRecordIds["Leads"]) { ParentModule = "Leads" };

        FindRecordsResult result = await orgs.Host.Get<FindRelatedHandler>().HandleAsync(input, CancellationToken.None);

        IReadOnlyList<string> expected = subject.ExpectedLeadActivityIds.GetValueOrDefault(activityModule) ?? [];
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.RecordIds.Order(StringComparer.Ordinal));
        Assert.Equal(FindMethod.Lookup, result.Method);
        Assert.Equal(1, result.Spend.Calls);
    }

    [Theory]
    [InlineData("multi-module")]
    [InlineData("case")]
    [InlineData("lookalikes")]
    public async Task Handle_NotesOfEveryMatchedRecord_FoundByParentIdInOneCall(string name)
    {
        PlantedSubject subject = orgs.OpenSeed.Subject(name);
        List<string> parents = [.. subject.AllExpectedRecordIds.Where(e => e.Key is not ("Notes" or "Attachments")).SelectMany(e => e.Value).Take(50)];
        var input = new FindRelatedInput(orgs.Open.OrgId, "r-notes", new RelatedModuleProfile("Notes", null, "Parent_Id"), parents) { ParentModule = "*" };

        FindRecordsResult result = await orgs.Host.Get<FindRelatedHandler>().HandleAsync(input, CancellationToken.None);

        Assert.Equal(subject.ExpectedNotes.Select(n => n.Id).Order(StringComparer.Ordinal), result.RecordIds.Order(StringComparer.Ordinal));
        Assert.Equal(1, result.Spend.Calls);
        Assert.Empty(result.Gaps);
    }

    [Fact]
    public async Task Handle_ActivitiesPseudoModule_GroupsRowsByRealModule()
    {
        PlantedSubject subject = orgs.OpenSeed.Subject("multi-module");
        var module = new RelatedModuleProfile("Activities", "Activities", "Who_Id");

        FindRecordsResult result = await orgs.Host.Get<FindRelatedHandler>()
            .HandleAsync(new FindRelatedInput(orgs.Open.OrgId, "r-act", module, subject.ExpectedRecordIds["Contacts"]), CancellationToken.None);

        Assert.NotNull(result.RecordIdsByModule);
        foreach (string real in new[] { "Calls", "Tasks", "Events" })
        {
            Assert.Equal(subject.ExpectedRecordIds[real].Order(StringComparer.Ordinal), result.RecordIdsByModule[real].Order(StringComparer.Ordinal));
        }

        Assert.Equal(result.RecordIdsByModule.Values.Sum(v => v.Count), result.RecordIds.Count);
    }

    [Fact]
    public async Task Handle_UnknownRelatedList_FallsBackToLookup()
    {
        PlantedSubject subject = orgs.OpenSeed.Subject("multi-module");
        var module = new RelatedModuleProfile("Quotes", "No_Such_List", "Contact_Name");

        FindRecordsResult result = await orgs.Host.Get<FindRelatedHandler>()
            .HandleAsync(new FindRelatedInput(orgs.Open.OrgId, "r-fb", module, subject.ExpectedRecordIds["Contacts"]), CancellationToken.None);

        Assert.Equal(FindMethod.Lookup, result.Method);
        Assert.Equal(subject.ExpectedRecordIds["Quotes"].Order(StringComparer.Ordinal), result.RecordIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Handle_NoContacts_NoCalls()
    {
        FindRecordsResult result = await orgs.Host.Get<FindRelatedHandler>()
            .HandleAsync(new FindRelatedInput(orgs.Open.OrgId, "r-none", new RelatedModuleProfile("Calls", null, "Who_Id"), []), CancellationToken.None);

        Assert.Empty(result.RecordIds);
        Assert.Equal(ApiSpend.None, result.Spend);
    }
}
