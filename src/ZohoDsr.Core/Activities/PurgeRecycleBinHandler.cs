using Microsoft.Extensions.Logging;
using ZohoCrm.Client;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Permanently deletes records from Zoho's recycle bin (<c>DELETE /settings/recycle_bin?ids=</c>, v7+; up to 100 ids):
/// <c>SUCCESS</c> → Deleted, <c>INVALID_DATA</c> (not in the bin) → NotFound, other codes → Failed. On v2, which has no
/// such endpoint, every record is Failed with <c>NOT_SUPPORTED</c> and nothing is sent. Outcomes carry the module
/// <c>recycle_bin</c> (the bin holds records of every module).
/// </summary>
public sealed class PurgeRecycleBinHandler(
    ActivityZohoClients clients,
    AuditWriter audit,
    TimeProvider timeProvider,
    ILogger<PurgeRecycleBinHandler> logger)
{
    /// <summary>The module name used in the outcomes.</summary>
    public const string RecycleBin = "recycle_bin";

    public async Task<DeleteBatchResult> HandleAsync(PurgeRecycleBinInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<string> ids = input.RecordIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count > DeleteBatchHandler.MaxBatchSize)
        {
            throw new ArgumentException($"A purge batch holds at most {DeleteBatchHandler.MaxBatchSize} ids; got {ids.Count}.", nameof(input));
        }

        if (ids.Count == 0)
        {
            return new DeleteBatchResult(RecycleBin, []);
        }

        ZohoCrmClient client = clients.For(input.OrgId);
        ZohoSpendMeter meter = ZohoSpendMeter.Start(client);
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
        catch (ZohoThrottledException ex)
        {
            Log.ActivityThrottled(logger, input.RequestId, input.OrgId, RecycleBin, ex.Code, ex.RetryAfter);
            await audit.AppendAsync(input.OrgId, input.RequestId, [new AuditEntry(timeProvider.GetUtcNow(), "purge", RecycleBin, 0, "throttled", ex.Code)], cancellationToken).ConfigureAwait(false);
            return new DeleteBatchResult(RecycleBin, []) { Spend = meter.Spent(), Throttled = new ActivityThrottle(ex.RetryAfter, ex.Code) };
        }

        RecordOutcome[] ordered = ids.Select(id => outcomes.TryGetValue(id, out RecordOutcome? o) ? o : new RecordOutcome(RecycleBin, id, RecordOutcomeKind.Failed)).ToArray();
        DateTimeOffset now = timeProvider.GetUtcNow();
        await audit.AppendAsync(
            input.OrgId,
            input.RequestId,
            ordered.GroupBy(o => (o.Outcome, o.ZohoCode))
                .Select(g => new AuditEntry(now, "purge", RecycleBin, g.Count(), DeleteBatchHandler.OutcomeName(g.Key.Outcome), g.Key.ZohoCode, g.Select(o => o.RecordId).ToList()))
                .ToList(),
            cancellationToken).ConfigureAwait(false);
        Log.RecycleBinPurged(logger, input.RequestId, input.OrgId, ordered.Count(o => o.Outcome == RecordOutcomeKind.Deleted), $"{ordered.Count(o => o.Outcome != RecordOutcomeKind.Deleted)} not purged");
        return new DeleteBatchResult(RecycleBin, ordered) { Spend = meter.Spent() };
    }
}
