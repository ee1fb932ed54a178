using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// Delete: decides what may be deleted (deletable and selected; the rest reported skipped), stops at a dry run, waits for
/// approval when asked, deletes in batches children before parents (DeleteBatch), verifies and purges; the request fails
/// when records were not deleted. When the delete step fails for good (a revoked refresh token, Zoho unreachable), every
/// record it did not finish is reported failed with the fault's code, and the request's error says what to do.
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

        try
        {
            await DeleteBatchesAsync(run, calls, profile, toDelete);
        }
        catch (DsrStepFailedException ex)
        {
            // The step failed for good: every record it did not finish is failed, with the cause as its reason.
            FailUnfinished(run, toDelete, ex.Fault.Code);
            run.SetStatus(DsrStatus.Running, DsrPhases.Delete);
            throw ex.Prefixed(NotDeleted(run, toDelete));
        }

        await VerifyPhase.RunAsync(run, calls, toDelete.Keys);
        if (run.Input.PurgeRecycleBin)
        {
            await PurgePhase.RunAsync(run, calls, profile);
        }

        if (run.Findings.Outcomes.Any(r => r.Outcome == RecordOutcomeKind.Failed))
        {
            run.FailedBecause(DsrErrorTypes.RecordsNotDeleted);
            return run.Result(DsrStatus.Failed, NotDeleted(run, toDelete));
        }

        return run.Result(DsrStatus.Completed, error: null);
    }

    /// <summary>"3 of 12 records not deleted (RECORD_LOCKED: 1, invalid_code: 2)".</summary>
    private static string NotDeleted(DsrRun run, SortedDictionary<string, List<string>> toDelete)
    {
        List<RecordOutcome> failed = run.Findings.Outcomes.Where(r => r.Outcome == RecordOutcomeKind.Failed).ToList();
        string codes = string.Join(", ", failed
            .GroupBy(r => r.ZohoCode ?? "UNKNOWN", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count()}"));
        return $"{failed.Count} of {toDelete.Values.Sum(ids => ids.Count)} records not deleted ({codes})";
    }

    /// <summary>
    /// Marks every record to delete that has no outcome yet failed with <paramref name="code"/>, and audits them per module
    /// (the orchestration decides this: no activity answered for them).
    /// </summary>
    private static void FailUnfinished(DsrRun run, SortedDictionary<string, List<string>> toDelete, string code)
    {
        foreach ((string module, List<string> ids) in toDelete)
        {
            SortedDictionary<string, RecordOutcome> outcomes = run.Findings.OutcomesOf(module);
            List<string> unfinished = ids.Where(id => !outcomes.TryGetValue(id, out RecordOutcome? o) || !IsFinal(o.Outcome)).ToList();
            foreach (string id in unfinished)
            {
                run.Findings.SetOutcome(module, id, RecordOutcomeKind.Failed, code);
            }

            if (unfinished.Count > 0)
            {
                run.Audit(AuditActions.Failure, module, unfinished.Count, AuditOutcomes.Failed, code, unfinished);
            }
        }
    }

    /// <summary>
    /// A delete (not a dry run) whose finding failed for good: nothing was deleted, so every record found so far that the
    /// request would delete is reported failed with the fault's code, never left "found", and the error says how many.
    /// </summary>
    public static DsrStepFailedException FailFound(DsrRun run, OrgProfile profile, DsrStepFailedException failure)
    {
        SortedDictionary<string, List<string>> toDelete = Plan(run, profile);
        if (toDelete.Count == 0)
        {
            return failure;
        }

        FailUnfinished(run, toDelete, failure.Fault.Code);
        return failure.Prefixed(NotDeleted(run, toDelete));
    }

    private static bool IsFinal(RecordOutcomeKind kind) => kind is RecordOutcomeKind.Deleted or RecordOutcomeKind.NotFound or RecordOutcomeKind.Failed;

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
        DeleteBatchResult result;
        try
        {
            result = await calls.CallZohoAsync(
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
        }
        catch (DsrStepFailedException ex)
        {
            // What Zoho answered before the fault stands; the rest of this batch fails with the fault as its reason.
            IReadOnlyList<RecordOutcome> partial = ex.Partial is DeleteBatchResult stopped ? stopped.Outcomes : [];
            HashSet<string> reported = answered.Concat(partial).Where(o => IsFinal(o.Outcome)).Select(o => o.RecordId).ToHashSet(StringComparer.Ordinal);
            List<string> unanswered = ids.Where(id => !reported.Contains(id)).ToList();
            Apply(run, module, ids, [.. answered, .. partial], unanswered: ex.Fault.Code);
            if (unanswered.Count > 0)
            {
                run.Audit(AuditActions.Failure, module, unanswered.Count, AuditOutcomes.Failed, ex.Fault.Code, unanswered);
            }

            throw;
        }

        Apply(run, module, ids, [.. answered, .. result.Outcomes], unanswered: null);
    }

    private static DeleteBatchInput Input(DsrRun run, string module, IReadOnlyList<string> ids)
        => new(run.Input.OrgId, run.Input.RequestId, module, ids, run.Input.ReceivedAt);

    /// <summary>Each id's outcome as Zoho reported it; an id it did not answer for is failed (with <paramref name="unanswered"/>).</summary>
    private static void Apply(DsrRun run, string module, IReadOnlyList<string> ids, IReadOnlyList<RecordOutcome> reported, string? unanswered)
    {
        var byId = new Dictionary<string, RecordOutcome>(StringComparer.Ordinal);
        foreach (RecordOutcome outcome in reported)
        {
            byId.TryAdd(outcome.RecordId, outcome);
        }

        foreach (string id in ids)
        {
            if (byId.TryGetValue(id, out RecordOutcome? outcome) && IsFinal(outcome.Outcome))
            {
                run.Findings.SetOutcome(module, id, outcome.Outcome, outcome.ZohoCode);
            }
            else
            {
                run.Findings.SetOutcome(module, id, RecordOutcomeKind.Failed, outcome?.ZohoCode ?? unanswered);
            }
        }
    }
}
