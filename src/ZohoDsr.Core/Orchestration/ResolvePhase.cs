using ZohoDsr.Core.Activities;

namespace ZohoDsr.Core.Orchestration;

/// <summary>Resolves the org (ResolveOrg): settings, budgets, the modules to search, and those that cannot be.</summary>
internal static class ResolvePhase
{
    public static async Task<OrgProfile> RunAsync(DsrRun run, DsrCalls calls)
    {
        OrgProfile? resolved = null;
        await calls.FanOutAsync([run.Input.OrgId], async _ =>
        {
            resolved = await calls.CallZohoAsync(
                DsrActivities.ResolveOrg, new ResolveOrgInput(run.Input.OrgId, run.Input.RequestId, run.Input.Modules), module: null);
        });

        OrgProfile profile = resolved!;
        run.Profile = profile;
        run.Settings = run.Input.Settings ?? profile.Settings ?? OrchestrationSettings.Default;
        if (!profile.PrivacySettings)
        {
            Log.OrchestrationPrivacySettingsOff(run.Logger, run.Input.RequestId, run.Input.OrgId);
        }

        foreach (string module in profile.ParentModules.Select(m => m.Module).Concat(profile.RelatedModules.Select(m => m.Module)))
        {
            run.Findings.FindingsOf(module);
        }

        run.Findings.AddGaps(profile.Gaps);
        return profile;
    }
}
