using Microsoft.Extensions.Logging;
using ZohoCrm.Client;
using ZohoDsr.Core.Audit;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Checks with an exact, immediate query that deleted records are gone: COQL <c>id in (...)</c> (50 ids per call; a
/// soft-deleted record sits in the recycle bin, outside every query), or a GET per id where COQL is refused.
/// </summary>
public sealed class VerifyDeletedHandler(
    ActivityZohoClients clients,
    AuditWriter audit,
    TimeProvider timeProvider,
    ILogger<VerifyDeletedHandler> logger)
{
    public async Task<VerifyDeletedResult> HandleAsync(VerifyDeletedInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        string module = input.Module;
        List<string> ids = input.RecordIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new VerifyDeletedResult(module, []);
        }

        ZohoCrmClient client = clients.For(input.OrgId);
        ZohoSpendMeter meter = ZohoSpendMeter.Start(client);
        HashSet<string> present;
        try
        {
            present = await RecordPresence.PresentAsync(client, module, ids, cancellationToken).ConfigureAwait(false);
        }
        catch (ZohoThrottledException ex)
        {
            Log.ActivityThrottled(logger, input.RequestId, input.OrgId, module, ex.Code, ex.RetryAfter);
            await audit.AppendAsync(input.OrgId, input.RequestId, [new AuditEntry(timeProvider.GetUtcNow(), "verify", module, 0, "throttled", ex.Code)], cancellationToken).ConfigureAwait(false);
            return new VerifyDeletedResult(module, []) { Spend = meter.Spent(), Throttled = new ActivityThrottle(ex.RetryAfter, ex.Code) };
        }

        List<string> stillPresent = ids.Where(present.Contains).ToList();
        await audit.AppendAsync(
            input.OrgId,
            input.RequestId,
            [new AuditEntry(timeProvider.GetUtcNow(), "verify", module, ids.Count, stillPresent.Count == 0 ? "gone" : "still-present", null, stillPresent.Count == 0 ? null : stillPresent)],
            cancellationToken).ConfigureAwait(false);
        Log.DeletionVerified(logger, input.RequestId, input.OrgId, module, stillPresent.Count, $"{ids.Count} checked");
        return new VerifyDeletedResult(module, stillPresent) { Spend = meter.Spent() };
    }
}
