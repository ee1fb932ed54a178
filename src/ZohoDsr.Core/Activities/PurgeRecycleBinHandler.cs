using Microsoft.Extensions.Logging;
using ZohoCrm.Client;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Permanently deletes records from Zoho's recycle bin (<c>DELETE /settings/recycle_bin?ids=</c>, v7+; up to 100 ids):
/// <c>SUCCESS</c> → Deleted, <c>INVALID_DATA</c> (not in the bin) → NotFound, other codes → Failed. On v2, which has no
/// such endpoint, every record is Failed with <c>NOT_SUPPORTED</c> and nothing is sent. Outcomes carry the module
/// <c>recycle_bin</c> (the bin holds records of every module).
/// </summary>
public sealed class PurgeRecycleBinHandler(ZohoActivityRunner runner, ILogger<PurgeRecycleBinHandler> logger)
{
    /// <summary>The module name used in the outcomes.</summary>
    public const string RecycleBin = "recycle_bin";

    public Task<DeleteBatchResult> HandleAsync(PurgeRecycleBinInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<string> ids = input.RecordIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count > DeleteBatchHandler.MaxBatchSize)
        {
            throw new ArgumentException($"A purge batch holds at most {DeleteBatchHandler.MaxBatchSize} ids; got {ids.Count}.", nameof(input));
        }

        if (ids.Count == 0)
        {
            return Task.FromResult(new DeleteBatchResult(RecycleBin, []));
        }

        ZohoActivityRun<DeleteBatchResult> run = runner.Start(DsrActivities.PurgeRecycleBin, input, AuditActions.Purge, RecycleBin);
        return run.RunAsync(
            async () =>
            {
                Dictionary<string, RecordOutcome> outcomes = await PurgeAsync(run.Client, ids, cancellationToken).ConfigureAwait(false);
                RecordOutcome[] ordered = ids.Select(id => outcomes.TryGetValue(id, out RecordOutcome? o) ? o : new RecordOutcome(RecycleBin, id, RecordOutcomeKind.Failed)).ToArray();
                foreach (IGrouping<(RecordOutcomeKind Outcome, string? ZohoCode), RecordOutcome> group in ordered.GroupBy(o => (o.Outcome, o.ZohoCode)))
                {
                    run.Audit.Add(AuditActions.Purge, RecycleBin, group.Count(), AuditOutcomes.Of(group.Key.Outcome), group.Key.ZohoCode, group.Select(o => o.RecordId).ToList());
                }

                int purged = ordered.Count(o => o.Outcome == RecordOutcomeKind.Deleted);
                Log.RecycleBinPurged(logger, input.RequestId, input.OrgId, purged);
                if (purged < ordered.Length)
                {
                    Log.RecordsNotPurged(logger, input.RequestId, input.OrgId, ordered.Length - purged);
                }

                return new DeleteBatchResult(RecycleBin, ordered);
            },
            () => new DeleteBatchResult(RecycleBin, []),
            cancellationToken);
    }

    /// <summary>
    /// One purge call: <c>SUCCESS</c> → Deleted, <c>INVALID_DATA</c> → NotFound, other codes → Failed; on v2 every id
    /// Failed with <c>NOT_SUPPORTED</c>, nothing sent.
    /// </summary>
    private static async Task<Dictionary<string, RecordOutcome>> PurgeAsync(ZohoCrmClient client, List<string> ids, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<string, RecordOutcome>(StringComparer.Ordinal);
        try
        {
            IReadOnlyList<ZohoDeleteResult> results = await client.PurgeFromRecycleBinAsync(ids, cancellationToken).ConfigureAwait(false);
            var sent = new HashSet<string>(ids, StringComparer.Ordinal);
            foreach (ZohoDeleteResult result in results.Where(r => sent.Contains(r.Id)))
            {
                outcomes.TryAdd(result.Id, result.Succeeded || string.Equals(result.Code, "SUCCESS", StringComparison.OrdinalIgnoreCase)
                    ? new RecordOutcome(RecycleBin, result.Id, RecordOutcomeKind.Deleted)
                    : string.Equals(result.Code, "INVALID_DATA", StringComparison.OrdinalIgnoreCase)
                        ? new RecordOutcome(RecycleBin, result.Id, RecordOutcomeKind.NotFound, result.Code)
                        : new RecordOutcome(RecycleBin, result.Id, RecordOutcomeKind.Failed, result.Code));
            }
        }
        catch (NotSupportedException)
        {
            foreach (string id in ids)
            {
                outcomes[id] = new RecordOutcome(RecycleBin, id, RecordOutcomeKind.Failed, "NOT_SUPPORTED");
            }
        }

        return outcomes;
    }
}
