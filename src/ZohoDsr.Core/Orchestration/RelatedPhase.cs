using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// Finds the related records of the matched contacts (FindRelated), by contact id in chunks, per related module, and the
/// activities linked to the matched leads (<c>What_Id</c>, <see cref="OrgProfile.LeadActivityModules"/>); then marks every
/// record found.
/// </summary>
internal static class RelatedPhase
{
    /// <summary>Contact ids per FindRelated call.</summary>
    public const int ContactChunkSize = 50;

    public static async Task RunAsync(DsrRun run, DsrCalls calls, OrgProfile profile)
    {
        run.SetStatus(DsrStatus.Running, DsrPhases.Related);
        DsrFindings findings = run.Findings;
        List<RelatedModuleProfile> related = OrdinalLists.DistinctBy(profile.RelatedModules, m => m.Module);
        List<string> contactIds = findings.Modules.TryGetValue(ZohoModules.Contacts, out ModuleFindings? contacts) ? [.. contacts.Ids] : [];
        List<string> leadIds = findings.Modules.TryGetValue(ZohoModules.Leads, out ModuleFindings? leads) ? [.. leads.Ids] : [];
        var work = new List<(RelatedModuleProfile Module, IReadOnlyList<string> ContactIds, string Parent)>();
        foreach (RelatedModuleProfile module in related)
        {
            findings.FindingsOf(module.Module).Method ??= FindMethods.Of(module);
            work.AddRange(OrdinalLists.Chunk(contactIds, ContactChunkSize).Select(chunk => (module, chunk, ZohoModules.Contacts)));
            if (profile.LeadActivityModules.Contains(module.Module, StringComparer.Ordinal))
            {
                var byLead = new RelatedModuleProfile(module.Module, null, ZohoModules.WhatId);
                work.AddRange(OrdinalLists.Chunk(leadIds, ContactChunkSize).Select(chunk => (byLead, chunk, ZohoModules.Leads)));
            }
        }

        Dictionary<string, int> remaining = work.GroupBy(c => c.Module.Module, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        run.ModulesDone += related.Count - remaining.Count;

        await calls.FanOutAsync(work, async call =>
        {
            FindRecordsResult found = await calls.CallZohoAsync(
                DsrActivities.FindRelated,
                new FindRelatedInput(run.Input.OrgId, run.Input.RequestId, call.Module, call.ContactIds) { ParentModule = call.Parent },
                call.Module.Module);
            findings.Add(call.Module.Module, found);
            if (--remaining[call.Module.Module] == 0)
            {
                run.ModulesDone++;
            }
        }, complex: true); // lookups by contact id are COQL

        foreach ((string module, ModuleFindings found) in findings.Modules)
        {
            foreach (string id in found.Ids)
            {
                findings.SetOutcome(module, id, RecordOutcomeKind.Found);
            }
        }
    }
}
