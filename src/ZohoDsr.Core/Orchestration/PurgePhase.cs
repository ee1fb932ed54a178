using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Orchestration;

/// <summary>Delete with <c>purgeRecycleBin</c>: removes the deleted records from Zoho's recycle bin (PurgeRecycleBin, v7+).</summary>
internal static class PurgePhase
{
    public static async Task RunAsync(DsrRun run, DsrCalls calls, OrgProfile profile)
    {
        HashSet<string> deleted = run.Findings.Outcomes
            .Where(o => o.Outcome == RecordOutcomeKind.Deleted)
            .Select(o => o.RecordId)
            .ToHashSet(StringComparer.Ordinal);

        // A record reported "not found" may be one our own delete removed before a retry re-sent it (Zoho then answers
        // INVALID_DATA): purge those too, best effort; only the ones we know we deleted decide "purged".
        List<string> candidates = run.Findings.Outcomes
            .Where(o => o.Outcome is RecordOutcomeKind.Deleted or RecordOutcomeKind.NotFound)
            .Select(o => o.RecordId)
            .ToList();
        if (!profile.CanPurgeRecycleBin)
        {
            run.Audit(AuditActions.Purge, null, 0, AuditOutcomes.NotSupported);
            return;
        }

        if (candidates.Count == 0)
        {
            return;
        }

        run.SetStatus(DsrStatus.Running, DsrPhases.Purge);
        var allPurged = true;
        await calls.FanOutAsync(OrdinalLists.Chunk(candidates, DeletePhase.BatchSize).ToList(), async ids =>
        {
            DeleteBatchResult result = await calls.CallZohoAsync(
                DsrActivities.PurgeRecycleBin, new PurgeRecycleBinInput(run.Input.OrgId, run.Input.RequestId, ids), module: null);
            HashSet<string> purged = result.Outcomes.Where(o => o.Outcome == RecordOutcomeKind.Deleted).Select(o => o.RecordId).ToHashSet(StringComparer.Ordinal);
            allPurged &= ids.Where(deleted.Contains).All(purged.Contains);
        });

        run.RecycleBinPurged = allPurged;
    }
}
