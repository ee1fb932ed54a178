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
/// Contacts is searched too whenever a related module is selected (children are found through contact ids) but is then
/// reported as not selected for deletion.
/// </para>
/// </summary>
public sealed class ResolveOrgHandler(
    ActivityZohoClients clients,
    IConfiguration configuration,
    IOptions<DsrOptions> options,
    AuditWriter audit,
    TimeProvider timeProvider,
    ILogger<ResolveOrgHandler> logger)
{
    public async Task<OrgProfile> HandleAsync(ResolveOrgInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ZohoCrmClient client = clients.For(input.OrgId);
        ZohoSpendMeter meter = ZohoSpendMeter.Start(client);
        DsrOptions dsr = options.Value;
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

        var audits = new List<AuditEntry>();
        var gaps = new List<ModuleGap>();
        try
        {
            ZohoOrg org = await client.GetOrgAsync(cancellationToken).ConfigureAwait(false);
            var parentProfiles = new List<ModuleProfile>();
            foreach (string module in parents)
            {
                IReadOnlyList<ZohoField>? fields = await FieldsOrNullAsync(client, input, module, audits, gaps, cancellationToken).ConfigureAwait(false);
                if (fields is null)
                {
                    continue;
                }

                parentProfiles.Add(new ModuleProfile(
                    module,
                    fields.Where(f => f.IsEmail).Select(f => f.ApiName).ToList(),
                    fields.Where(f => f.IsEmail && f.IsRestricted).Select(f => f.ApiName).ToList()));
            }

            var relatedProfiles = new List<RelatedModuleProfile>();
            if (related.Count > 0)
            {
                IReadOnlyList<ZohoRelatedList> lists = await client.GetRelatedListsAsync(ZohoModules.Contacts, cancellationToken).ConfigureAwait(false);
                foreach (string module in related)
                {
                    string? lookup = await LookupFieldAsync(client, input, module, audits, gaps, cancellationToken).ConfigureAwait(false);
                    if (lookup is null)
                    {
                        continue;
                    }

                    relatedProfiles.Add(new RelatedModuleProfile(module, RelatedListOf(lists, module), lookup));
                }
            }

            List<string> searched = parentProfiles.Select(p => p.Module).Concat(relatedProfiles.Select(r => r.Module)).Distinct(StringComparer.Ordinal).ToList();
            List<string> deletable = searched
                .Where(m => configuredDeletable.Contains(m, StringComparer.Ordinal) && (requested is null || requested.Contains(m)))
                .ToList();
            List<string> notDeletable = searched.Where(m => !deletable.Contains(m, StringComparer.Ordinal)).ToList();
            ZohoUsage usage = client.Usage;
            var profile = new OrgProfile
            {
                OrgId = input.OrgId,
                PrivacySettings = org.PrivacySettings,
                ApiVersion = (int)client.Version,
                ConcurrencyBudget = usage.ConcurrencyBudget,
                CreditBudget = usage.CreditBudget,
                ParentModules = parentProfiles,
                RelatedModules = relatedProfiles,
                DeletableModules = deletable,
                NotDeletableModules = notDeletable,
                Gaps = gaps.DistinctBy(g => g.Module, StringComparer.Ordinal).ToList(),
                Settings = OrchestrationSettings.FromOptions(dsr),
                Spend = meter.Spent(),
            };
            audits.Add(new AuditEntry(timeProvider.GetUtcNow(), "resolve", null, searched.Count, "ok"));
            await audit.AppendAsync(input.OrgId, input.RequestId, audits, cancellationToken).ConfigureAwait(false);
            Log.OrgResolved(logger, input.RequestId, input.OrgId, searched.Count, $"v{(int)client.Version}");
            return profile;
        }
        catch (ZohoThrottledException ex)
        {
            Log.ActivityThrottled(logger, input.RequestId, input.OrgId, null, ex.Code, ex.RetryAfter);
            audits.Add(new AuditEntry(timeProvider.GetUtcNow(), "resolve", null, 0, "throttled", ex.Code));
            await audit.AppendAsync(input.OrgId, input.RequestId, audits, cancellationToken).ConfigureAwait(false);
            return new OrgProfile
            {
                OrgId = input.OrgId,
                Settings = OrchestrationSettings.FromOptions(dsr),
                Spend = meter.Spent(),
                Throttled = new ActivityThrottle(ex.RetryAfter, ex.Code),
            };
        }
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

    private async Task<IReadOnlyList<ZohoField>?> FieldsOrNullAsync(ZohoCrmClient client, ResolveOrgInput input, string module, List<AuditEntry> audits, List<ModuleGap> gaps, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetFieldsAsync(module, cancellationToken).ConfigureAwait(false);
        }
        catch (ZohoApiException ex) when (ex is not ZohoThrottledException && ex.Status is 400 or 403 or 404)
        {
            Log.ModuleUnavailable(logger, input.RequestId, input.OrgId, module, ex.Code);
            audits.Add(new AuditEntry(timeProvider.GetUtcNow(), "resolve", module, 0, "skipped", ex.Code));
            gaps.Add(new ModuleGap(module, "module not accessible", ex.Code));
            return null;
        }
    }

    private async Task<string?> LookupFieldAsync(ZohoCrmClient client, ResolveOrgInput input, string module, List<AuditEntry> audits, List<ModuleGap> gaps, CancellationToken cancellationToken)
    {
        if (ZohoModules.ContactLookups.TryGetValue(module, out string? known))
        {
            return known;
        }

        IReadOnlyList<ZohoField>? fields = await FieldsOrNullAsync(client, input, module, audits, gaps, cancellationToken).ConfigureAwait(false);
        string? lookup = fields?.FirstOrDefault(f => string.Equals(f.DataType, "lookup", StringComparison.OrdinalIgnoreCase)
            && string.Equals(f.LookupModule, ZohoModules.Contacts, StringComparison.Ordinal))?.ApiName;
        if (lookup is null && fields is not null)
        {
            Log.ModuleUnavailable(logger, input.RequestId, input.OrgId, module, "NO_CONTACT_LOOKUP");
            audits.Add(new AuditEntry(timeProvider.GetUtcNow(), "resolve", module, 0, "skipped", "NO_CONTACT_LOOKUP"));
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
