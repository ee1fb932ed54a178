using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZohoCrm.Client;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Resolves the org for one request: GDPR <c>privacy_settings</c> (Org API), API version, budgets (the edition's limits
/// × the budget fraction), each parent module's email fields and which are restricted (fields metadata), and how each
/// related module links to a contact (the Contacts related lists, else a COQL lookup).
/// <para>
/// Module lists come from <c>Zoho:Orgs:{orgId}:ParentModules|RelatedModules|DeletableModules</c> when set, else from
/// <see cref="DsrOptions"/>. The pseudo-module <c>Activities</c> is resolved into its real modules Calls, Tasks and
/// Events, because deletion and export work on real modules only. A request's <c>modules</c> select what is searched;
/// Contacts is searched too whenever a related module is selected (children are found through contact ids), and Leads
/// whenever an activity module is (<see cref="DsrOptions.FindLeadActivities"/>), but they are then reported as not
/// selected for deletion.
/// </para>
/// </summary>
public sealed class ResolveOrgHandler(
    ZohoActivityRunner runner,
    IConfiguration configuration,
    IOptions<DsrOptions> options,
    OrgMetadataCache metadata,
    ILogger<ResolveOrgHandler> logger)
{
    public Task<OrgProfile> HandleAsync(ResolveOrgInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        DsrOptions dsr = options.Value;
        ZohoActivityRun<OrgProfile> run = runner.Start(DsrActivities.ResolveOrg, input, AuditActions.Resolve, module: null);
        return run.RunAsync(
            () => ResolveAsync(run, input, dsr, cancellationToken),
            () => new OrgProfile { OrgId = input.OrgId, Settings = OrchestrationSettings.FromOptions(dsr) },
            cancellationToken);
    }

    private async Task<OrgProfile> ResolveAsync(ZohoActivityRun<OrgProfile> run, ResolveOrgInput input, DsrOptions dsr, CancellationToken cancellationToken)
    {
        ZohoCrmClient client = run.Client;
        (List<string> parents, List<string> related, Func<string, bool> deletable) = Plan(input, dsr);
        var gaps = new List<ModuleGap>();
        ZohoOrg org = await metadata.GetOrReadAsync(input.OrgId, "org", client.GetOrgAsync, cancellationToken).ConfigureAwait(false);
        List<ModuleProfile> parentProfiles = await ParentProfilesAsync(run, input, parents, gaps, cancellationToken).ConfigureAwait(false);
        List<RelatedModuleProfile> relatedProfiles = await RelatedProfilesAsync(run, input, related, gaps, cancellationToken).ConfigureAwait(false);

        List<string> searched = parentProfiles.Select(p => p.Module).Concat(relatedProfiles.Select(r => r.Module)).Distinct(StringComparer.Ordinal).ToList();
        bool findNotes = dsr.IncludeNotes && searched.Count > 0;
        if (findNotes && !searched.Contains(ZohoModules.Notes, StringComparer.Ordinal))
        {
            searched.Add(ZohoModules.Notes);
        }

        ZohoUsage usage = client.Usage;
        run.Audit.Add(AuditActions.Resolve, null, searched.Count, org.PrivacySettings ? AuditOutcomes.PrivacySettingsOn : AuditOutcomes.PrivacySettingsOff);
        Log.OrgResolved(logger, input.RequestId, input.OrgId, searched.Count, client.Version);
        return new OrgProfile
        {
            OrgId = input.OrgId,
            PrivacySettings = org.PrivacySettings,
            ApiVersion = (int)client.Version,
            ConcurrencyBudget = usage.ConcurrencyBudget,
            SubConcurrencyBudget = usage.SubConcurrencyBudget,
            CreditBudget = usage.CreditBudget,
            ParentModules = parentProfiles,
            RelatedModules = relatedProfiles,
            LeadActivityModules = dsr.FindLeadActivities && parentProfiles.Any(p => string.Equals(p.Module, ZohoModules.Leads, StringComparison.Ordinal))
                ? relatedProfiles.Select(r => r.Module).Where(m => ZohoModules.ActivityModules.Contains(m, StringComparer.Ordinal)).ToList()
                : [],
            FindNotes = findNotes,
            DeletableModules = searched.Where(deletable).ToList(),
            NotDeletableModules = searched.Where(m => !deletable(m)).ToList(),
            Gaps = gaps.DistinctBy(g => g.Module, StringComparer.Ordinal).ToList(),
            Settings = OrchestrationSettings.FromOptions(dsr),
        };
    }

    /// <summary>
    /// The parent and related modules to search (the org's lists, else the options'; narrowed to the request's selection,
    /// Contacts added when a related module needs it) and which modules this request may delete from.
    /// </summary>
    private (List<string> Parents, List<string> Related, Func<string, bool> Deletable) Plan(ResolveOrgInput input, DsrOptions dsr)
    {
        IReadOnlyList<string> configuredParents = OrgList(input.OrgId, "ParentModules") ?? dsr.ParentModules;
        IReadOnlyList<string> configuredRelated = ExpandActivities(OrgList(input.OrgId, "RelatedModules") ?? dsr.RelatedModules);
        IReadOnlyList<string> configuredDeletable = ExpandActivities(OrgList(input.OrgId, "DeletableModules") ?? dsr.DeletableModules);
        HashSet<string>? requested = input.RequestedModules is null ? null : new(ExpandActivities(input.RequestedModules), StringComparer.Ordinal);

        List<string> related = configuredRelated.Where(m => requested is null || requested.Contains(m)).ToList();
        List<string> parents = configuredParents.Where(m => requested is null || requested.Contains(m)).ToList();
        if (related.Count > 0 && !parents.Contains(ZohoModules.Contacts, StringComparer.Ordinal) && configuredParents.Contains(ZohoModules.Contacts, StringComparer.Ordinal))
        {
            parents.Insert(0, ZohoModules.Contacts);
        }

        // Activities linked to a lead are found through the matched leads, as contact children are through contacts.
        if (dsr.FindLeadActivities && related.Any(m => ZohoModules.ActivityModules.Contains(m, StringComparer.Ordinal))
            && !parents.Contains(ZohoModules.Leads, StringComparer.Ordinal) && configuredParents.Contains(ZohoModules.Leads, StringComparer.Ordinal))
        {
            parents.Insert(parents.Contains(ZohoModules.Contacts, StringComparer.Ordinal) ? 1 : 0, ZohoModules.Leads);
        }

        return (parents, related, m => configuredDeletable.Contains(m, StringComparer.Ordinal) && (requested is null || requested.Contains(m)));
    }

    /// <summary>Each parent module's email fields and which are restricted (fields metadata); modules it cannot read are gaps.</summary>
    private async Task<List<ModuleProfile>> ParentProfilesAsync(
        ZohoActivityRun<OrgProfile> run, ResolveOrgInput input, List<string> parents, List<ModuleGap> gaps, CancellationToken cancellationToken)
    {
        var profiles = new List<ModuleProfile>();
        foreach (string module in parents)
        {
            IReadOnlyList<ZohoField>? fields = await FieldsOrNullAsync(run, input, module, gaps, cancellationToken).ConfigureAwait(false);
            if (fields is not null)
            {
                profiles.Add(new ModuleProfile(
                    module,
                    fields.Where(f => f.IsEmail).Select(f => f.ApiName).ToList(),
                    fields.Where(f => f.IsEmail && f.IsRestricted).Select(f => f.ApiName).ToList()));
            }
        }

        return profiles;
    }

    /// <summary>How each related module links to a contact: its Contacts related list, else its contact lookup.</summary>
    private async Task<List<RelatedModuleProfile>> RelatedProfilesAsync(
        ZohoActivityRun<OrgProfile> run, ResolveOrgInput input, List<string> related, List<ModuleGap> gaps, CancellationToken cancellationToken)
    {
        var profiles = new List<RelatedModuleProfile>();
        if (related.Count == 0)
        {
            return profiles;
        }

        ZohoCrmClient client = run.Client;
        IReadOnlyList<ZohoRelatedList> lists = await metadata.GetOrReadAsync(
            input.OrgId, "related_lists:" + ZohoModules.Contacts, ct => client.GetRelatedListsAsync(ZohoModules.Contacts, ct), cancellationToken).ConfigureAwait(false);
        foreach (string module in related)
        {
            if (await LookupFieldAsync(run, input, module, gaps, cancellationToken).ConfigureAwait(false) is { } lookup)
            {
                profiles.Add(new RelatedModuleProfile(module, RelatedListOf(lists, module), lookup));
            }
        }

        return profiles;
    }

    /// <summary>
    /// The Contacts related list of a module: one whose API name is the module's name, with or without underscores
    /// (<c>Quotes</c>, <c>SalesOrders</c> for <c>Sales_Orders</c>). Lists with other meanings for the same module
    /// (<c>Invited_Events</c>: events the contact was invited to, not its own) are not used; without a list the module is
    /// queried by its contact lookup.
    /// </summary>
    internal static string? RelatedListOf(IReadOnlyList<ZohoRelatedList> lists, string module)
    {
        string compact = module.Replace("_", string.Empty, StringComparison.Ordinal);
        return lists.FirstOrDefault(l => l.Visible
            && (l.Module is null || string.Equals(l.Module, module, StringComparison.Ordinal))
            && (string.Equals(l.ApiName, module, StringComparison.Ordinal) || string.Equals(l.ApiName, compact, StringComparison.Ordinal)))?.ApiName;
    }

    private async Task<IReadOnlyList<ZohoField>?> FieldsOrNullAsync(ZohoActivityRun<OrgProfile> run, ResolveOrgInput input, string module, List<ModuleGap> gaps, CancellationToken cancellationToken)
    {
        try
        {
            ZohoCrmClient client = run.Client;
            return await metadata.GetOrReadAsync(input.OrgId, "fields:" + module, ct => client.GetFieldsAsync(module, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (ZohoApiException ex) when (ex is not ZohoThrottledException && ex.Status is 400 or 403 or 404)
        {
            Log.ModuleUnavailable(logger, input.RequestId, input.OrgId, module, ex.Code);
            run.Audit.Add(AuditActions.Resolve, module, 0, AuditOutcomes.Skipped, ex.Code);
            gaps.Add(new ModuleGap(module, "module not accessible", ex.Code));
            return null;
        }
    }

    private async Task<string?> LookupFieldAsync(ZohoActivityRun<OrgProfile> run, ResolveOrgInput input, string module, List<ModuleGap> gaps, CancellationToken cancellationToken)
    {
        if (ZohoModules.ContactLookups.TryGetValue(module, out string? known))
        {
            return known;
        }

        IReadOnlyList<ZohoField>? fields = await FieldsOrNullAsync(run, input, module, gaps, cancellationToken).ConfigureAwait(false);
        string? lookup = fields?.FirstOrDefault(f => string.Equals(f.DataType, "lookup", StringComparison.OrdinalIgnoreCase)
            && string.Equals(f.LookupModule, ZohoModules.Contacts, StringComparison.Ordinal))?.ApiName;
        if (lookup is null && fields is not null)
        {
            Log.ModuleUnavailable(logger, input.RequestId, input.OrgId, module, "NO_CONTACT_LOOKUP");
            run.Audit.Add(AuditActions.Resolve, module, 0, AuditOutcomes.Skipped, "NO_CONTACT_LOOKUP");
            gaps.Add(new ModuleGap(module, "no contact lookup", "NO_CONTACT_LOOKUP"));
        }

        return lookup;
    }

    private List<string>? OrgList(string orgId, string key)
    {
        IConfigurationSection section = configuration.GetSection($"{ZohoCrmClientOptions.SectionName}:Orgs:{orgId}:{key}");
        List<string> items = section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
        if (items.Count == 0 && !string.IsNullOrWhiteSpace(section.Value))
        {
            items = section.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }

        return items.Count == 0 ? null : items;
    }

    private static List<string> ExpandActivities(IEnumerable<string> modules)
        => modules.SelectMany(m => string.Equals(m, ZohoModules.Activities, StringComparison.Ordinal) ? ZohoModules.ActivityModules : [m])
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
