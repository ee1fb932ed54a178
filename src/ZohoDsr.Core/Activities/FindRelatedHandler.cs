using Microsoft.Extensions.Logging;
using ZohoCrm.Client;
using ZohoDsr.Core.Audit;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Finds one related module's records of the matched contacts, by contact id, never by email (Calls, Tasks and Events
/// have no email field): through the contact's related list when the org has one for the module (1 call per contact),
/// else by COQL on the module's contact lookup (<c>Who_Id in (...)</c>, <c>Contact_Name in (...)</c>; 1 call per 50
/// contacts). Either way a record is kept only when its lookup holds one of the matched contacts' ids.
/// <para>
/// The pseudo-module <c>Activities</c> (normally resolved into Calls, Tasks and Events by ResolveOrg) is read through
/// the <c>Activities</c> and <c>Activities_History</c> lists; each row's real module comes from <c>$module</c> or
/// <c>Activity_Type</c> and is returned in <see cref="FindRecordsResult.RecordIdsByModule"/>.
/// </para>
/// </summary>
public sealed class FindRelatedHandler(
    ActivityZohoClients clients,
    AuditWriter audit,
    TimeProvider timeProvider,
    ILogger<FindRelatedHandler> logger)
{
    /// <summary>Values per COQL <c>in (...)</c> condition (Zoho's limit).</summary>
    public const int LookupChunkSize = 50;

    public async Task<FindRecordsResult> HandleAsync(FindRelatedInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        RelatedModuleProfile profile = input.Module;
        string module = profile.Module;
        var contacts = new HashSet<string>(input.ContactIds.Where(id => !string.IsNullOrWhiteSpace(id)), StringComparer.Ordinal);
        bool pseudo = string.Equals(module, ZohoModules.Activities, StringComparison.Ordinal);
        string method = profile.RelatedListApiName is not null || pseudo ? "related-list" : "lookup";
        if (contacts.Count == 0)
        {
            return new FindRecordsResult(module, [], method, 0);
        }

        ZohoCrmClient client = clients.For(input.OrgId);
        ZohoSpendMeter meter = ZohoSpendMeter.Start(client);
        var audits = new List<AuditEntry>();
        var found = new Dictionary<string, string?>(StringComparer.Ordinal);
        int candidates = 0;
        try
        {
            if (pseudo)
            {
                string[] lists = [profile.RelatedListApiName ?? ZohoModules.Activities, ZohoModules.ActivitiesHistoryList];
                foreach (string list in lists.Distinct(StringComparer.Ordinal))
                {
                    candidates += await ReadListAsync(client, input, contacts, list, found, audits, cancellationToken).ConfigureAwait(false);
                }
            }
            else if (profile.RelatedListApiName is { } list)
            {
                try
                {
                    candidates += await ReadListAsync(client, input, contacts, list, found, audits, cancellationToken).ConfigureAwait(false);
                }
                catch (ZohoApiException ex) when (ex is not ZohoThrottledException && ex.Status == 400 && string.Equals(ex.Code, "INVALID_DATA", StringComparison.Ordinal))
                {
                    // The list is unknown or hidden for this user: the lookup finds the same records.
                    Log.LookupFellBack(logger, input.RequestId, input.OrgId, module, ex.Code);
                    audits.Add(Entry("related", module, 0, "fallback-lookup", ex.Code, null));
                    found.Clear();
                    candidates = await QueryLookupAsync(client, input, contacts, found, audits, cancellationToken).ConfigureAwait(false);
                    method = "lookup";
                }
            }
            else
            {
                candidates += await QueryLookupAsync(client, input, contacts, found, audits, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ZohoThrottledException ex)
        {
            Log.ActivityThrottled(logger, input.RequestId, input.OrgId, module, ex.Code, ex.RetryAfter);
            audits.Add(Entry("related", module, 0, "throttled", ex.Code, null));
            await audit.AppendAsync(input.OrgId, input.RequestId, audits, cancellationToken).ConfigureAwait(false);
            return new FindRecordsResult(module, [], method, 0) { Spend = meter.Spent(), Throttled = new ActivityThrottle(ex.RetryAfter, ex.Code) };
        }

        List<string> ids = found.Keys.Order(StringComparer.Ordinal).ToList();
        Dictionary<string, IReadOnlyList<string>>? byModule = null;
        List<ModuleGap> gaps = [];
        if (pseudo)
        {
            byModule = found.Where(p => p.Value is not null)
                .GroupBy(p => p.Value!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Key).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
            int unknownKind = found.Count(p => p.Value is null);
            if (unknownKind > 0)
            {
                Log.ActivityKindUnknown(logger, input.RequestId, input.OrgId, unknownKind);
                gaps.Add(new ModuleGap(module, "activity rows of unknown kind"));
            }
        }

        audits.Add(Entry("related", module, ids.Count, "ok", null, ids));
        await audit.AppendAsync(input.OrgId, input.RequestId, audits, cancellationToken).ConfigureAwait(false);
        Log.RelatedFound(logger, input.RequestId, input.OrgId, module, ids.Count, $"{method}, {candidates} candidates");
        return new FindRecordsResult(module, ids, method, candidates) { Spend = meter.Spent(), RecordIdsByModule = byModule, Gaps = gaps };
    }

    private async Task<int> ReadListAsync(
        ZohoCrmClient client,
        FindRelatedInput input,
        HashSet<string> contacts,
        string list,
        Dictionary<string, string?> found,
        List<AuditEntry> audits,
        CancellationToken cancellationToken)
    {
        string module = input.Module.Module;
        string lookup = input.Module.LookupField;
        bool pseudo = string.Equals(module, ZohoModules.Activities, StringComparison.Ordinal);

        // Activity rows carry their kind ($module, Activity_Type) without asking: the list serves Calls, Tasks and
        // Events, so only fields those modules share may be requested.
        IReadOnlyList<string> fields = ["id", lookup];
        int rows = 0;
        foreach (string contact in contacts.Order(StringComparer.Ordinal))
        {
            await foreach (ZohoRecord record in client.GetRelatedRecordsAsync(ZohoModules.Contacts, contact, list, fields, cancellationToken).ConfigureAwait(false))
            {
                rows++;
                string? owner = record.GetLookupId(lookup);
                if (owner is not null && contacts.Contains(owner))
                {
                    found[record.Id] = pseudo ? ZohoModules.ActivityModuleOf(record.GetString("$module"), record.GetString("Activity_Type")) : module;
                }
            }
        }

        audits.Add(Entry("related-list", module, rows, "ok", null, null));
        return rows;
    }

    private async Task<int> QueryLookupAsync(
        ZohoCrmClient client,
        FindRelatedInput input,
        HashSet<string> contacts,
        Dictionary<string, string?> found,
        List<AuditEntry> audits,
        CancellationToken cancellationToken)
    {
        string module = input.Module.Module;
        string lookup = input.Module.LookupField;
        int rows = 0;
        foreach (string[] chunk in contacts.Order(StringComparer.Ordinal).Chunk(LookupChunkSize))
        {
            var query = new CoqlQuery(module, ["id", lookup], CoqlCondition.In(lookup, chunk));
            await foreach (ZohoRecord record in client.QueryAsync(query, cancellationToken).ConfigureAwait(false))
            {
                rows++;
                string? owner = record.GetLookupId(lookup);
                if (owner is not null && contacts.Contains(owner))
                {
                    found[record.Id] = module;
                }
            }
        }

        audits.Add(Entry("lookup", module, rows, "ok", null, null));
        return rows;
    }

    private AuditEntry Entry(string action, string module, int count, string outcome, string? code, IReadOnlyList<string>? ids)
        => new(timeProvider.GetUtcNow(), action, module, count, outcome, code, ids);
}
