using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// Delete: decides what may be deleted (deletable and selected; the rest reported skipped), stops at a dry run, waits for
/// approval when asked, deletes in batches children before parents (DeleteBatch), verifies and purges; the request fails
/// when records were not deleted.
/// </summary>
internal static class DeletePhase
{
    /// <summary>Zoho deletes at most 100 ids per call; the recycle bin purge and verification use the same batches.</summary>
    public const int BatchSize = 100;

    public static async Task<DsrResult> RunAsync(DsrRun run, DsrCalls calls, OrgProfile profile)
    {
        SortedDictionary<string, List<string>> toDelete = Plan(run, profile);
        if (run.Input.DryRun)
        {
            foreach ((string module, List<string> ids) in toDelete)
            {
                run.Audit(AuditActions.DryRun, module, ids.Count, AuditOutcomes.WouldDelete, recordIds: ids);
            }

            return run.Result(DsrStatus.Completed, error: null);
        }

        if (toDelete.Count == 0)
        {
            return run.Result(DsrStatus.Completed, error: null);
        }

        if (run.Input.RequireApproval && await ApprovalPhase.RunAsync(run) is { } refused)
        {
            return refused;
        }

        await DeleteBatchesAsync(run, calls, profile, toDelete);
        await VerifyPhase.RunAsync(run, calls, toDelete.Keys);
        if (run.Input.PurgeRecycleBin)
        {
            await PurgePhase.RunAsync(run, calls, profile);
        }

        List<RecordOutcome> failed = run.Findings.Outcomes.Where(r => r.Outcome == RecordOutcomeKind.Failed).ToList();
        if (failed.Count == 0)
        {
            return run.Result(DsrStatus.Completed, error: null);
        }

        string codes = string.Join(", ", failed
            .GroupBy(r => r.ZohoCode ?? "UNKNOWN", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count()}"));
        run.FailedBecause(DsrErrorTypes.RecordsNotDeleted);
        return run.Result(DsrStatus.Failed, $"{failed.Count} of {toDelete.Values.Sum(ids => ids.Count)} records not deleted ({codes})");
    }

    /// <summary>The ids to delete per module; found records of other modules are marked and audited skipped.</summary>
    private static SortedDictionary<string, List<string>> Plan(DsrRun run, OrgProfile profile)
    {
        var deletable = new HashSet<string>(profile.DeletableModules, StringComparer.Ordinal);
        HashSet<string>? selected = run.Input.Modules is null ? null : new HashSet<string>(run.Input.Modules, StringComparer.Ordinal);
        var toDelete = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach ((string module, ModuleFindings findings) in run.Findings.Modules)
        {
            if (findings.Ids.Count == 0)
            {
                continue;
            }

            if (deletable.Contains(module))
            {
                toDelete[module] = [.. findings.Ids];
                continue;
            }

            bool notSelected = selected is not null && !selected.Contains(module);
            RecordOutcomeKind kind = notSelected ? RecordOutcomeKind.SkippedNotSelected : RecordOutcomeKind.SkippedNotDeletable;
            foreach (string id in findings.Ids)
            {
                run.Findings.SetOutcome(module, id, kind);
            }

            run.Audit(AuditActions.Skip, module, findings.Ids.Count, notSelected ? AuditOutcomes.NotSelected : AuditOutcomes.NotDeletable);
        }

        return toDelete;
    }

    /// <summary>Deletes in waves, children before parents (<see cref="DeleteOrder"/>), each wave's batches in parallel.</summary>
    private static async Task DeleteBatchesAsync(DsrRun run, DsrCalls calls, OrgProfile profile, SortedDictionary<string, List<string>> toDelete)
    {
        run.SetStatus(DsrStatus.Running, DsrPhases.Delete);
        run.ModulesDone = 0;
        HashSet<string> parents = profile.ParentModules.Select(m => m.Module).ToHashSet(StringComparer.Ordinal);
        List<List<string>> waves = toDelete.Keys
            .GroupBy(module => DeleteOrder.Rank(module, parents))
            .OrderBy(g => g.Key)
            .Select(g => g.OrderBy(m => m, StringComparer.Ordinal).ToList())
            .ToList();

        foreach (List<string> modules in waves)
        {
            List<(string Module, IReadOnlyList<string> Ids)> batches = modules
                .SelectMany(module => OrdinalLists.Chunk(toDelete[module], BatchSize).Select(ids => (Module: module, Ids: ids)))
                .ToList();
            await calls.FanOutAsync(batches, batch => DeleteBatchAsync(run, calls, batch.Module, batch.Ids));
            run.ModulesDone += modules.Count;
            run.SetStatus(DsrStatus.Running, DsrPhases.Delete);
        }
    }

    /// <summary>
    /// One batch. A batch throttled part-way keeps what Zoho already answered and retries only the rest: re-sending a
    /// record we deleted would come back INVALID_DATA and be misreported as "not found".
    /// </summary>
    private static async Task DeleteBatchAsync(DsrRun run, DsrCalls calls, string module, IReadOnlyList<string> ids)
    {
        var answered = new List<RecordOutcome>();
        IReadOnlyList<string> pending = ids;
        DeleteBatchResult result = await calls.CallZohoAsync(
            DsrActivities.DeleteBatch,
            Input(run, module, pending),
            module,
            resumeWith: throttled =>
            {
                answered.AddRange(throttled.Outcomes);
                HashSet<string> done = throttled.Outcomes.Select(o => o.RecordId).ToHashSet(StringComparer.Ordinal);
                pending = [.. pending.Where(id => !done.Contains(id))];
                return pending.Count == 0 ? null : Input(run, module, pending);
            });
        Apply(run, module, ids, [.. answered, .. result.Outcomes]);
    }

    private static DeleteBatchInput Input(DsrRun run, string module, IReadOnlyList<string> ids)
        => new(run.Input.OrgId, run.Input.RequestId, module, ids, run.Input.ReceivedAt);

    /// <summary>Each id's outcome as Zoho reported it; an id it did not answer for is failed.</summary>
    private static void Apply(DsrRun run, string module, IReadOnlyList<string> ids, IReadOnlyList<RecordOutcome> reported)
    {
        var byId = new Dictionary<string, RecordOutcome>(StringComparer.Ordinal);
        foreach (RecordOutcome outcome in reported)
        {
            byId.TryAdd(outcome.RecordId, outcome);
        }

        foreach (string id in ids)
        {
            if (byId.TryGetValue(id, out RecordOutcome? outcome) && outcome.Outcome is RecordOutcomeKind.Deleted or RecordOutcomeKind.NotFound or RecordOutcomeKind.Failed)
            {
                run.Findings.SetOutcome(module, id, outcome.Outcome, outcome.ZohoCode);
            }
            else
            {
                run.Findings.SetOutcome(module, id, RecordOutcomeKind.Failed, outcome?.ZohoCode);
            }
        }
    }
}
