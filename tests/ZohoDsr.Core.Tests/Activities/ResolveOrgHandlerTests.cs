using ZohoCrm.Simulator;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.Tests.Support;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests.Activities;

public sealed class ResolveOrgHandlerTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private static readonly IEqualityComparer<ModuleProfile> ModuleProfileComparer = EqualityComparer<ModuleProfile>.Create(
        (a, b) => a is not null && b is not null && a.Module == b.Module && a.EmailFields.SequenceEqual(b.EmailFields) && a.RestrictedEmailFields.SequenceEqual(b.RestrictedEmailFields),
        p => p.Module.GetHashCode(StringComparison.Ordinal));

    [Fact]
    public async Task Handle_RestrictedContactEmail_ProfilesModulesFromMetadata()
    {
        SimOrg org = simulator.NewOrg(["Contacts.Email"]);
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);

        OrgProfile profile = await host.Get<ResolveOrgHandler>().HandleAsync(new ResolveOrgInput(org.OrgId, "r-1", null), CancellationToken.None);

        Assert.Null(profile.Throttled);
        Assert.True(profile.PrivacySettings);
        Assert.Equal(8, profile.ApiVersion);
        Assert.Equal(15, profile.ConcurrencyBudget);
        Assert.Equal(7, profile.SubConcurrencyBudget); // Zoho's 10 complex calls x the same 75 %
        Assert.True(profile.CreditBudget > 0);
        ModuleProfile contacts = Assert.Single(profile.ParentModules, m => m.Module == "Contacts");
        Assert.Equal(["Email", "Secondary_Email"], contacts.EmailFields.Order(StringComparer.Ordinal));
        Assert.Equal(["Email"], contacts.RestrictedEmailFields);
        Assert.Empty(Assert.Single(profile.ParentModules, m => m.Module == "Leads").RestrictedEmailFields);
        Assert.Equal(["Email"], Assert.Single(profile.ParentModules, m => m.Module == "Cases").EmailFields);

        // Activities resolves into its real modules; lists where the org has them, lookups otherwise.
        Assert.Equal(
            ["Calls", "Deals", "Events", "Invoices", "Purchase_Orders", "Quotes", "Sales_Orders", "Tasks"],
            profile.RelatedModules.Select(r => r.Module).Order(StringComparer.Ordinal));
        Assert.Equal(new RelatedModuleProfile("Deals", "Deals", "Contact_Name"), profile.RelatedModules.Single(r => r.Module == "Deals"));
        Assert.Equal(["Calls", "Tasks", "Events"], profile.LeadActivityModules);
        Assert.Equal(new RelatedModuleProfile("Sales_Orders", "SalesOrders", "Contact_Name"), profile.RelatedModules.Single(r => r.Module == "Sales_Orders"));
        Assert.Equal(new RelatedModuleProfile("Quotes", "Quotes", "Contact_Name"), profile.RelatedModules.Single(r => r.Module == "Quotes"));
        Assert.Equal(new RelatedModuleProfile("Calls", null, "Who_Id"), profile.RelatedModules.Single(r => r.Module == "Calls"));
        Assert.Equal(new RelatedModuleProfile("Events", null, "Who_Id"), profile.RelatedModules.Single(r => r.Module == "Events"));

        Assert.True(profile.FindNotes);
        Assert.Equal(["Calls", "Cases", "Contacts", "Invoices", "Leads", "Notes", "Quotes", "Tasks"], profile.DeletableModules.Order(StringComparer.Ordinal));
        Assert.Equal(["Deals", "Events", "Purchase_Orders", "Sales_Orders"], profile.NotDeletableModules.Order(StringComparer.Ordinal));
        Assert.True(profile.Spend.Calls >= 5);
        Assert.Equal(profile.Spend.Calls, profile.Spend.Credits);
    }

    [Fact]
    public async Task Handle_OnlyRelatedModuleRequested_SearchesContactsWithoutDeletingThem()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);

        OrgProfile profile = await host.Get<ResolveOrgHandler>().HandleAsync(new ResolveOrgInput(org.OrgId, "r-2", ["Calls"]), CancellationToken.None);

        Assert.Equal(["Contacts", "Leads"], profile.ParentModules.Select(p => p.Module));
        Assert.Equal(["Calls"], profile.RelatedModules.Select(p => p.Module));
        Assert.Equal(["Calls"], profile.LeadActivityModules);
        Assert.Equal(["Calls"], profile.DeletableModules);
        Assert.Equal(["Contacts", "Leads", "Notes"], profile.NotDeletableModules);
    }

    [Fact]
    public async Task Handle_LeadActivitiesOff_NeitherLeadsAddedNorLeadActivitiesSearched()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org], new Dictionary<string, string?> { ["ZohoDsr:FindLeadActivities"] = "false" });

        OrgProfile profile = await host.Get<ResolveOrgHandler>().HandleAsync(new ResolveOrgInput(org.OrgId, "r-2b", ["Calls"]), CancellationToken.None);

        Assert.Equal(["Contacts"], profile.ParentModules.Select(p => p.Module));
        Assert.Empty(profile.LeadActivityModules);
    }

    [Fact]
    public async Task Handle_NotesOff_NotesNeitherSearchedNorDeletable()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org], new Dictionary<string, string?> { ["ZohoDsr:IncludeNotes"] = "false" });

        OrgProfile profile = await host.Get<ResolveOrgHandler>().HandleAsync(new ResolveOrgInput(org.OrgId, "r-2c", null), CancellationToken.None);

        Assert.False(profile.FindNotes);
        Assert.DoesNotContain("Notes", profile.DeletableModules.Concat(profile.NotDeletableModules));
    }

    [Fact]
    public async Task Handle_OrgOverrides_UseOrgModuleLists()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org], new Dictionary<string, string?>
        {
            [$"Zoho:Orgs:{org.OrgId}:ParentModules:0"] = "Leads",
            [$"Zoho:Orgs:{org.OrgId}:RelatedModules"] = "",
            [$"Zoho:Orgs:{org.OrgId}:DeletableModules:0"] = "Contacts",
        });

        OrgProfile profile = await host.Get<ResolveOrgHandler>().HandleAsync(new ResolveOrgInput(org.OrgId, "r-3", null), CancellationToken.None);

        Assert.Equal(["Leads"], profile.ParentModules.Select(p => p.Module));
        Assert.NotEmpty(profile.RelatedModules);
        Assert.Empty(profile.DeletableModules);
        Assert.Contains("Leads", profile.NotDeletableModules);
    }

    [Fact]
    public async Task Handle_Zoho429_ReturnsThrottleInsteadOfThrowing()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        org.Faults.Rate429 = 1;

        OrgProfile profile = await host.Get<ResolveOrgHandler>().HandleAsync(new ResolveOrgInput(org.OrgId, "r-4", null), CancellationToken.None);

        Assert.NotNull(profile.Throttled);
        Assert.Equal("TOO_MANY_REQUESTS", profile.Throttled.ZohoCode);
        Assert.Null(profile.Throttled.RetryAfter); // Zoho (and the simulator) send no Retry-After on 429
        Assert.Empty(profile.ParentModules);
        Assert.True(profile.Spend.Calls >= 1);
    }

    [Fact]
    public async Task Handle_ModuleOrgLacks_ReportedAsGapWithZohoCode()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org], new Dictionary<string, string?>
        {
            [$"Zoho:Orgs:{org.OrgId}:ParentModules:0"] = "Leads",
            [$"Zoho:Orgs:{org.OrgId}:ParentModules:1"] = "Vendors_Custom",
            [$"Zoho:Orgs:{org.OrgId}:RelatedModules:0"] = "Calls",
        });

        OrgProfile profile = await host.Get<ResolveOrgHandler>().HandleAsync(new ResolveOrgInput(org.OrgId, "r-5", null), CancellationToken.None);

        Assert.Equal(["Leads"], profile.ParentModules.Select(p => p.Module));
        ModuleGap gap = Assert.Single(profile.Gaps);
        Assert.Equal("Vendors_Custom", gap.Module);
        Assert.Equal("module not accessible", gap.Reason);
        Assert.False(string.IsNullOrEmpty(gap.ZohoCode));
    }

    [Fact]
    public async Task Handle_PrivacySettingsOff_ProfileAndAuditSaySo()
    {
        SimOrg org = simulator.Host.AddOrg(new SimOrgSpec { OrgId = simulator.NewOrg().OrgId + "0", PrivacySettings = false });
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);

        OrgProfile profile = await host.Get<ResolveOrgHandler>().HandleAsync(new ResolveOrgInput(org.OrgId, "r-7", null) { CallId = "i-7:1" }, CancellationToken.None);

        Assert.False(profile.PrivacySettings);
        AuditTrail trail = await AuditTrail.ReadAsync(host.Get<IExportStore>(), org.OrgId, "r-7", CancellationToken.None);
        Assert.Contains(trail.Entries, e => e.Action == "resolve" && e.Outcome == "privacy-settings-off");
        Assert.All(trail.Entries, e => Assert.Equal((ActivityNames.ResolveOrg, "i-7:1"), (e.Writer, e.CallId)));
    }

    [Fact]
    public async Task Handle_NormalOrg_NoGaps()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);

        OrgProfile profile = await host.Get<ResolveOrgHandler>().HandleAsync(new ResolveOrgInput(org.OrgId, "r-6", null), CancellationToken.None);

        Assert.Empty(profile.Gaps);
    }

    [Fact]
    public async Task Handle_SecondRequestWithinCacheTtl_ReadsNoMetadata()
    {
        SimOrg org = simulator.NewOrg(["Contacts.Email"]);
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org]);
        ResolveOrgHandler handler = host.Get<ResolveOrgHandler>();

        OrgProfile first = await handler.HandleAsync(new ResolveOrgInput(org.OrgId, "r-8", null), CancellationToken.None);
        OrgProfile second = await handler.HandleAsync(new ResolveOrgInput(org.OrgId, "r-9", null), CancellationToken.None);

        Assert.True(first.Spend.Calls >= 5);
        Assert.Equal(0, second.Spend.Calls);
        Assert.Equal(first.ParentModules, second.ParentModules, ModuleProfileComparer);
        Assert.Equal(first.RelatedModules, second.RelatedModules);
        Assert.Equal(first.PrivacySettings, second.PrivacySettings);
    }

    [Fact]
    public async Task Handle_CacheTurnedOff_ReadsMetadataEveryRequest()
    {
        SimOrg org = simulator.NewOrg();
        using CoreTestHost host = CoreTestHost.Create(simulator.Host, [org], new Dictionary<string, string?> { ["ZohoDsr:MetadataCacheTtl"] = "00:00:00" });
        ResolveOrgHandler handler = host.Get<ResolveOrgHandler>();

        OrgProfile first = await handler.HandleAsync(new ResolveOrgInput(org.OrgId, "r-10", null), CancellationToken.None);
        OrgProfile second = await handler.HandleAsync(new ResolveOrgInput(org.OrgId, "r-11", null), CancellationToken.None);

        Assert.Equal(first.Spend.Calls, second.Spend.Calls);
        Assert.True(second.Spend.Calls >= 5);
    }
}
