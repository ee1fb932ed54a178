using Microsoft.Extensions.Logging;
using ZohoCrm.Client;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Deletes up to 100 records of one module in one call and reads every record's own result: <c>SUCCESS</c> → Deleted;
/// <c>INVALID_DATA</c> ("record not deleted", also Zoho's answer for an id that no longer exists) → Deleted when the record
/// is gone and the recycle bin shows it deleted since the request was received (this request deleted it, the answer was
/// lost: a crash or a dropped connection), NotFound when it is gone otherwise, Failed with the code when it is still there; any other code (<c>RECORD_LOCKED</c>,
/// <c>NOT_APPROVED</c>, ...) → Failed with it. Only the ids passed in are ever sent.
/// </summary>
public sealed class DeleteBatchHandler(
    ActivityZohoClients clients,
    AuditWriter audit,
    TimeProvider timeProvider,
    ILogger<DeleteBatchHandler> logger)
{
    /// <summary>Ids per delete call (Zoho's maximum).</summary>
    public const int MaxBatchSize = 100;

    /// <summary>Our code for a record whose delete answer was lost twice: it may or may not be deleted (verification decides).</summary>
    public const string OutcomeUnknownCode = "OUTCOME_UNKNOWN";

    public async Task<DeleteBatchResult> HandleAsync(DeleteBatchInput input, CancellationToken cancellationToken)
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
            return new DeleteBatchResult(module, []);
        }

        ZohoCrmClient client = clients.For(input.OrgId);
        ZohoSpendMeter meter = ZohoSpendMeter.Start(client);
        var outcomes = new Dictionary<string, RecordOutcome>(StringComparer.Ordinal);
        try
        {
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
        catch (ZohoThrottledException ex)
        {
            Log.ActivityThrottled(logger, input.RequestId, input.OrgId, module, ex.Code, ex.RetryAfter);
            RecordOutcome[] done = ids.Where(outcomes.ContainsKey).Select(id => outcomes[id]).ToArray();
            await WriteAuditAsync(input, done, ex.Code, cancellationToken).ConfigureAwait(false);
            return new DeleteBatchResult(module, done) { Spend = meter.Spent(), Throttled = new ActivityThrottle(ex.RetryAfter, ex.Code) };
        }

        RecordOutcome[] ordered = ids.Select(id => outcomes[id]).ToArray();
        await WriteAuditAsync(input, ordered, null, cancellationToken).ConfigureAwait(false);
        Log.BatchDeleted(
            logger,
            input.RequestId,
            input.OrgId,
            module,
            ordered.Count(o => o.Outcome == RecordOutcomeKind.Deleted),
            $"{ordered.Count(o => o.Outcome == RecordOutcomeKind.NotFound)} not found, {ordered.Count(o => o.Outcome == RecordOutcomeKind.Failed)} failed");
        return new DeleteBatchResult(module, ordered) { Spend = meter.Spent() };
    }

    /// <summary>
    /// One delete call whose lost answer (<see cref="ZohoOutcomeUnknownException"/>) is reconciled, never repeated blindly:
    /// the ids gone from the module read as <c>INVALID_DATA</c> (the recycle-bin check below tells deleted-by-us from not
    /// found), the ids still there were not deleted and are sent once more; a second lost answer leaves them
    /// <see cref="OutcomeUnknownCode"/>.
    /// </summary>
    private static async Task<IReadOnlyList<ZohoDeleteResult>> DeleteAsync(ZohoCrmClient client, string module, List<string> ids, CancellationToken cancellationToken)
    {
        try
        {
            return await client.DeleteRecordsAsync(module, ids, cancellationToken).ConfigureAwait(false);
        }
        catch (ZohoOutcomeUnknownException)
        {
            HashSet<string> present = await RecordPresence.PresentAsync(client, module, ids, cancellationToken).ConfigureAwait(false);
            var results = ids.Where(id => !present.Contains(id)).Select(id => new ZohoDeleteResult(id, "INVALID_DATA", "error", null)).ToList();
            if (present.Count == 0)
            {
                return results;
            }

            try
            {
                results.AddRange(await client.DeleteRecordsAsync(module, [.. ids.Where(present.Contains)], cancellationToken).ConfigureAwait(false));
            }
            catch (ZohoOutcomeUnknownException)
            {
                results.AddRange(ids.Where(present.Contains).Select(id => new ZohoDeleteResult(id, OutcomeUnknownCode, "error", null)));
            }

            return results;
        }
    }

    private Task WriteAuditAsync(DeleteBatchInput input, IReadOnlyList<RecordOutcome> outcomes, string? throttleCode, CancellationToken cancellationToken)
    {
        DateTimeOffset now = timeProvider.GetUtcNow();
        var entries = outcomes
            .GroupBy(o => (o.Outcome, o.ZohoCode))
            .Select(g => new AuditEntry(now, "delete", input.Module, g.Count(), OutcomeName(g.Key.Outcome), g.Key.ZohoCode, g.Select(o => o.RecordId).ToList()))
            .ToList();
        if (throttleCode is not null)
        {
            entries.Add(new AuditEntry(now, "delete", input.Module, input.RecordIds.Count - outcomes.Count, "throttled", throttleCode));
        }

        return audit.AppendAsync(input.OrgId, input.RequestId, entries, cancellationToken);
    }

    internal static string OutcomeName(RecordOutcomeKind kind) => kind switch
    {
        RecordOutcomeKind.Deleted => "deleted",
        RecordOutcomeKind.NotFound => "not-found",
        RecordOutcomeKind.Failed => "failed",
        _ => kind.ToString(),
    };
}
