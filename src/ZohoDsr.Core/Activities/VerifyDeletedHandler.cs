using Microsoft.Extensions.Logging;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Checks with an exact, immediate query that deleted records are gone: COQL <c>id in (...)</c> (50 ids per call; a
/// soft-deleted record sits in the recycle bin, outside every query), or a GET per id where COQL is refused.
/// </summary>
public sealed class VerifyDeletedHandler(ZohoActivityRunner runner, ILogger<VerifyDeletedHandler> logger)
{
    public Task<VerifyDeletedResult> HandleAsync(VerifyDeletedInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        string module = input.Module;
        List<string> ids = input.RecordIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return Task.FromResult(new VerifyDeletedResult(module, []));
        }

        ZohoActivityRun<VerifyDeletedResult> run = runner.Start(DsrActivities.VerifyDeleted, input, AuditActions.Verify, module);
        return run.RunAsync(
            async () =>
            {
                HashSet<string> present = await RecordPresence.PresentAsync(run.Client, module, ids, cancellationToken).ConfigureAwait(false);
                List<string> stillPresent = ids.Where(present.Contains).ToList();
                run.Audit.Add(
                    AuditActions.Verify,
                    module,
                    ids.Count,
                    stillPresent.Count == 0 ? AuditOutcomes.Gone : AuditOutcomes.StillPresent,
                    recordIds: stillPresent.Count == 0 ? null : stillPresent);
                Log.DeletionVerified(logger, input.RequestId, input.OrgId, module, stillPresent.Count);
                return new VerifyDeletedResult(module, stillPresent);
            },
            () => new VerifyDeletedResult(module, []),
            cancellationToken);
    }
}
