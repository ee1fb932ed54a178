using Microsoft.Extensions.Logging;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Orchestration;

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
public sealed class FindRelatedHandler(ZohoActivityRunner runner, ILogger<FindRelatedHandler> logger)
{
    /// <summary>Values per COQL <c>in (...)</c> condition (Zoho's limit).</summary>
    public const int LookupChunkSize = 50;

    public Task<FindRecordsResult> HandleAsync(FindRelatedInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        string module = input.Module.Module;
        bool pseudo = string.Equals(module, ZohoModules.Activities, StringComparison.Ordinal);
        FindMethod method = pseudo ? FindMethod.RelatedList : FindMethods.Of(input.Module);
        if (!input.ContactIds.Any(id => !string.IsNullOrWhiteSpace(id)))
        {
            return Task.FromResult(new FindRecordsResult(module, [], method, 0));
        }

        ZohoActivityRun<FindRecordsResult> run = runner.Start(DsrActivities.FindRelated, input, AuditActions.Related, module);
        return run.RunAsync(
            async () =>
            {
                var search = new RelatedSearch(run, input, logger);
                method = await search.RunAsync(method, cancellationToken).ConfigureAwait(false);
                List<string> ids = search.Found.Keys.Order(StringComparer.Ordinal).ToList();
                Dictionary<string, IReadOnlyList<string>>? byModule = null;
                List<ModuleGap> gaps = [.. search.Gaps];
                if (pseudo)
                {
                    byModule = ByRealModule(search.Found);
                    int unknownKind = search.Found.Count(p => p.Value is null);
                    if (unknownKind > 0)
                    {
                        Log.ActivityKindUnknown(logger, input.RequestId, input.OrgId, unknownKind);
                        gaps.Add(new ModuleGap(module, "activity rows of unknown kind"));
                    }
                }

                run.Audit.Add(AuditActions.Related, module, ids.Count, AuditOutcomes.Ok, recordIds: ids);
                Log.RelatedFound(logger, input.RequestId, input.OrgId, module, ids.Count, method);
                return new FindRecordsResult(module, ids, method, search.Candidates) { RecordIdsByModule = byModule, Gaps = gaps };
            },
            () => new FindRecordsResult(module, [], method, 0),
            cancellationToken);
    }

    /// <summary>The pseudo-module's rows by their real module; rows of unknown kind are left out.</summary>
    private static Dictionary<string, IReadOnlyList<string>> ByRealModule(Dictionary<string, string?> found)
        => found.Where(p => p.Value is not null)
            .GroupBy(p => p.Value!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Key).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
}
