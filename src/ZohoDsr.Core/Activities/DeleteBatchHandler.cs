using Microsoft.Extensions.Logging;
using ZohoCrm.Client;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Deletes up to 100 records of one module in one call and reads every record's own result: <c>SUCCESS</c> → Deleted;
/// <c>INVALID_DATA</c> ("record not deleted", also Zoho's answer for an id that no longer exists) → Deleted when the record
/// is gone and the recycle bin shows it deleted since the request was received (this request deleted it, the answer was
/// lost: a crash or a dropped connection), NotFound when it is gone otherwise, Failed with the code when it is still there; any other code (<c>RECORD_LOCKED</c>,
/// <c>NOT_APPROVED</c>, ...) → Failed with it. Only the ids passed in are ever sent. Each call's ids are written to the
/// audit as intent before it goes out, and the outcomes after; a delivery that finds an intent of its ids with no outcome
/// (the process stopped in between) reconciles those ids by re-reading them instead of sending them again.
/// </summary>
public sealed class DeleteBatchHandler(ZohoActivityRunner runner, ILogger<DeleteBatchHandler> logger)
{
    /// <summary>Ids per delete call (Zoho's maximum).</summary>
    public const int MaxBatchSize = 100;

    /// <summary>Our code for a record whose every delete answer was lost and that a read afterwards still found: not deleted.</summary>
    public const string OutcomeUnknownCode = "OUTCOME_UNKNOWN";

    /// <summary>Delete calls sent for the same ids while their answers are lost, each after a read showing them still there.</summary>
    public const int LostAnswerAttempts = 3;

    public Task<DeleteBatchResult> HandleAsync(DeleteBatchInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<string> ids = input.RecordIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count > MaxBatchSize)
        {
            throw new ArgumentException($"A delete batch holds at most {MaxBatchSize} ids; got {ids.Count}.", nameof(input));
        }

        string module = input.Module;
        if (ids.Count == 0)
        {
            return Task.FromResult(new DeleteBatchResult(module, []));
        }

        ZohoActivityRun<DeleteBatchResult> run = runner.Start(DsrActivities.DeleteBatch, input, AuditActions.Delete, module);
        var outcomes = new Dictionary<string, RecordOutcome>(StringComparer.Ordinal);
        return run.RunAsync(
            async () =>
            {
                await ReconcileOpenIntentsAsync(run.Client, input, ids, outcomes, cancellationToken).ConfigureAwait(false);
                List<string> toSend = ids.Where(id => !outcomes.ContainsKey(id)).ToList();
                if (toSend.Count > 0)
                {
                    // The intent is in the log before the call goes out: a crash before the outcome lines leaves it open.
                    AuditEntry intent = run.Audit.Create(AuditActions.Delete, module, toSend.Count, AuditOutcomes.Intent, recordIds: toSend);
                    await runner.Audit.AppendAsync(input.OrgId, input.RequestId, [intent], cancellationToken).ConfigureAwait(false);
                    await DeleteAndReadOutcomesAsync(run.Client, input, toSend, outcomes, cancellationToken).ConfigureAwait(false);
                }

                RecordOutcome[] ordered = ids.Select(id => outcomes[id]).ToArray();
                Audit(run, module, ordered);
                Log.BatchDeleted(logger, input.RequestId, input.OrgId, module, ordered.Count(o => o.Outcome == RecordOutcomeKind.Deleted));
                foreach (IGrouping<RecordOutcomeKind, RecordOutcome> notDeleted in ordered.Where(o => o.Outcome != RecordOutcomeKind.Deleted).GroupBy(o => o.Outcome))
                {
                    Log.RecordsNotDeleted(logger, input.RequestId, input.OrgId, module, notDeleted.Count(), notDeleted.Key);
                }

                return new DeleteBatchResult(module, ordered);
            },
            () =>
            {
                // What Zoho answered before it throttled stands; the orchestration retries only the rest.
                RecordOutcome[] done = ids.Where(outcomes.ContainsKey).Select(id => outcomes[id]).ToArray();
                Audit(run, module, done);
                return new DeleteBatchResult(module, done);
            },
            cancellationToken);
    }

    /// <summary>
    /// The ids of this batch that an earlier delete intent of the request names with no outcome after it (a delivery that
    /// stopped between sending the delete and writing what came back) are reconciled, not sent again blindly: an id gone
    /// from the module is Deleted when the recycle bin shows it deleted since the request was received (or, without that
    /// time, since the intent), NotFound otherwise; an id still there is left to be sent.
    /// </summary>
    private async Task ReconcileOpenIntentsAsync(
        ZohoCrmClient client, DeleteBatchInput input, List<string> ids, Dictionary<string, RecordOutcome> outcomes, CancellationToken cancellationToken)
    {
        AuditTrail trail = await runner.Audit.ReadAsync(input.OrgId, input.RequestId, cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, DateTimeOffset> open = trail.OpenDeleteIntents(input.Module);
        List<string> unresolved = ids.Where(open.ContainsKey).ToList();
        if (unresolved.Count == 0)
        {
            return;
        }

        Log.DeleteIntentsReconciled(logger, input.RequestId, input.OrgId, input.Module, unresolved.Count);
        HashSet<string> present = await RecordPresence.PresentAsync(client, input.Module, unresolved, cancellationToken).ConfigureAwait(false);
        List<string> gone = unresolved.Where(id => !present.Contains(id)).ToList();
        DateTimeOffset since = input.DeletedSince ?? gone.Select(id => open[id]).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        HashSet<string> deletedByUs = await RecycleBinReconciler.DeletedSinceAsync(client, input.Module, gone, since, cancellationToken).ConfigureAwait(false);
        foreach (string id in gone)
        {
            outcomes[id] = deletedByUs.Contains(id)
                ? new RecordOutcome(input.Module, id, RecordOutcomeKind.Deleted)
                : new RecordOutcome(input.Module, id, RecordOutcomeKind.NotFound);
        }
    }

    /// <summary>
    /// Deletes the ids and reads every record's own result into <paramref name="outcomes"/> (which keeps what was answered
    /// when Zoho throttles a later call).
    /// </summary>
    private static async Task DeleteAndReadOutcomesAsync(
        ZohoCrmClient client, DeleteBatchInput input, List<string> ids, Dictionary<string, RecordOutcome> outcomes, CancellationToken cancellationToken)
    {
        string module = input.Module;
        IReadOnlyList<ZohoDeleteResult> results = await DeleteAsync(client, module, ids, cancellationToken).ConfigureAwait(false);
        var sent = new HashSet<string>(ids, StringComparer.Ordinal);
        var invalid = new List<string>();
        foreach (ZohoDeleteResult result in results)
        {
            if (!sent.Contains(result.Id) || outcomes.ContainsKey(result.Id))
            {
                continue;
            }

            if (result.Succeeded || string.Equals(result.Code, "SUCCESS", StringComparison.OrdinalIgnoreCase))
            {
                outcomes[result.Id] = new RecordOutcome(module, result.Id, RecordOutcomeKind.Deleted);
            }
            else if (string.Equals(result.Code, "INVALID_DATA", StringComparison.OrdinalIgnoreCase))
            {
                invalid.Add(result.Id);
            }
            else
            {
                outcomes[result.Id] = new RecordOutcome(module, result.Id, RecordOutcomeKind.Failed, result.Code);
            }
        }

        // INVALID_DATA is ambiguous (already deleted, or an id Zoho will not take): an exact query decides.
        List<string> unanswered = ids.Where(id => !outcomes.ContainsKey(id) && !invalid.Contains(id)).ToList();
        if (invalid.Count > 0)
        {
            HashSet<string> present = await RecordPresence.PresentAsync(client, module, invalid, cancellationToken).ConfigureAwait(false);
            List<string> gone = invalid.Where(id => !present.Contains(id)).ToList();
            HashSet<string> deletedByUs = input.DeletedSince is { } since
                ? await RecycleBinReconciler.DeletedSinceAsync(client, module, gone, since, cancellationToken).ConfigureAwait(false)
                : [];
            foreach (string id in invalid)
            {
                outcomes[id] = present.Contains(id)
                    ? new RecordOutcome(module, id, RecordOutcomeKind.Failed, "INVALID_DATA")
                    : deletedByUs.Contains(id)
                        ? new RecordOutcome(module, id, RecordOutcomeKind.Deleted)
                        : new RecordOutcome(module, id, RecordOutcomeKind.NotFound, "INVALID_DATA");
            }
        }

        foreach (string id in unanswered)
        {
            outcomes[id] = new RecordOutcome(module, id, RecordOutcomeKind.Failed);
        }
    }

    /// <summary>One line per outcome and code, with its record ids.</summary>
    private static void Audit(ZohoActivityRun<DeleteBatchResult> run, string module, IReadOnlyList<RecordOutcome> outcomes)
    {
        foreach (IGrouping<(RecordOutcomeKind Outcome, string? ZohoCode), RecordOutcome> group in outcomes.GroupBy(o => (o.Outcome, o.ZohoCode)))
        {
            run.Audit.Add(AuditActions.Delete, module, group.Count(), AuditOutcomes.Of(group.Key.Outcome), group.Key.ZohoCode, group.Select(o => o.RecordId).ToList());
        }
    }

    /// <summary>
    /// One delete call whose lost answer (<see cref="ZohoOutcomeUnknownException"/>) is reconciled, never repeated blindly:
    /// after each lost answer the ids gone from the module read as <c>INVALID_DATA</c> (the recycle-bin check below tells
    /// deleted-by-us from not found) and only the ids still there are sent again, up to <see cref="LostAnswerAttempts"/>
    /// calls. Ids whose every answer was lost and that a last read still finds are <see cref="OutcomeUnknownCode"/>.
    /// </summary>
    private static async Task<IReadOnlyList<ZohoDeleteResult>> DeleteAsync(ZohoCrmClient client, string module, List<string> ids, CancellationToken cancellationToken)
    {
        var results = new List<ZohoDeleteResult>();
        List<string> pending = ids;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                results.AddRange(await client.DeleteRecordsAsync(module, pending, cancellationToken).ConfigureAwait(false));
                return results;
            }
            catch (ZohoOutcomeUnknownException)
            {
                HashSet<string> present = await RecordPresence.PresentAsync(client, module, pending, cancellationToken).ConfigureAwait(false);
                results.AddRange(pending.Where(id => !present.Contains(id)).Select(id => new ZohoDeleteResult(id, "INVALID_DATA", "error", null)));
                pending = [.. pending.Where(present.Contains)];
                if (pending.Count == 0)
                {
                    return results;
                }

                if (attempt == LostAnswerAttempts)
                {
                    results.AddRange(pending.Select(id => new ZohoDeleteResult(id, OutcomeUnknownCode, "error", null)));
                    return results;
                }
            }
        }
    }
}
