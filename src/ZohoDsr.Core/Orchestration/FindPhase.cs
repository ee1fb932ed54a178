using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// Finds the subject in the parent modules (FindInModule), in parallel within the gate's permits; each call issues COQL and
/// Search, so it also holds a permit of the gate's sub-concurrency semaphore.
/// </summary>
internal static class FindPhase
{
    public static async Task RunAsync(DsrRun run, DsrCalls calls, OrgProfile profile)
    {
        run.SetStatus(DsrStatus.Running, DsrPhases.Find);
        List<ModuleProfile> parents = OrdinalLists.DistinctBy(profile.ParentModules, m => m.Module);
        await calls.FanOutAsync(parents, async module =>
        {
            FindRecordsResult found = await calls.CallZohoAsync(
                DsrActivities.FindInModule,
                new FindInModuleInput(run.Input.OrgId, run.Input.RequestId, module, run.Input.SubjectEmail),
                module.Module);
            run.Findings.Add(module.Module, found);
            run.ModulesDone++;
        }, complex: true);
    }
}
