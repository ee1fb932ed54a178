using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Orchestration;

/// <summary>Delete: checks with an exact query (VerifyDeleted) that every record reported deleted or gone is gone.</summary>
internal static class VerifyPhase
{
    /// <summary>Our code on a record that verification still found after Zoho reported it deleted or gone.</summary>
    public const string StillPresentCode = "STILL_PRESENT";

    public static async Task RunAsync(DsrRun run, DsrCalls calls, IEnumerable<string> modules)
    {
        run.SetStatus(DsrStatus.Running, DsrPhases.Verify);
        var checks = new List<(string Module, IReadOnlyList<string> Ids)>();
        foreach (string module in modules)
        {
            List<string> gone = run.Findings.OutcomesOf(module).Values
                .Where(o => o.Outcome is RecordOutcomeKind.Deleted or RecordOutcomeKind.NotFound)
                .Select(o => o.RecordId)
                .ToList();
            checks.AddRange(OrdinalLists.Chunk(gone, DeletePhase.BatchSize).Select(ids => (module, ids)));
        }

        await calls.FanOutAsync(checks, async check =>
        {
            VerifyDeletedResult result = await calls.CallZohoAsync(
                DsrActivities.VerifyDeleted, new VerifyDeletedInput(run.Input.OrgId, run.Input.RequestId, check.Module, check.Ids), check.Module);
            foreach (string id in result.StillPresentIds.Where(check.Ids.Contains))
            {
                run.Findings.SetOutcome(check.Module, id, RecordOutcomeKind.Failed, StillPresentCode);
            }
        }, complex: true); // the exact query is COQL
    }
}
