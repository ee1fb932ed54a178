using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// Finds the notes of every record found so far (parents, related records, deals, lead activities): COQL on the Notes
/// module's <c>Parent_Id</c> (FindRelated), 50 parent ids of any module per call, so one call for most subjects instead
/// of one related-list call per record. The notes are then a module like any other: exported, deleted (first, before their
/// parents) and verified.
/// </summary>
internal static class NotesPhase
{
    /// <summary>How notes link to their parent: no related list is read, the Notes module is queried by <c>Parent_Id</c>.</summary>
    public static RelatedModuleProfile Profile { get; } = new(ZohoModules.Notes, null, ZohoModules.ParentId);

    public static async Task RunAsync(DsrRun run, DsrCalls calls, OrgProfile profile)
    {
        if (!profile.FindNotes)
        {
            return;
        }

        DsrFindings findings = run.Findings;
        List<string> parentIds = findings.Modules
            .Where(m => !string.Equals(m.Key, ZohoModules.Notes, StringComparison.Ordinal))
            .SelectMany(m => m.Value.Ids)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        findings.FindingsOf(ZohoModules.Notes).Method ??= FindMethod.Lookup;
        List<IReadOnlyList<string>> chunks = [.. OrdinalLists.Chunk(parentIds, RelatedPhase.ContactChunkSize)];
        await calls.FanOutAsync(chunks, async chunk =>
        {
            FindRecordsResult found = await calls.CallZohoAsync(
                DsrActivities.FindRelated,
                new FindRelatedInput(run.Input.OrgId, run.Input.RequestId, Profile, chunk) { ParentModule = ZohoModules.AnyModule },
                ZohoModules.Notes);
            findings.Add(ZohoModules.Notes, found);
        }, complex: true); // notes are looked up by COQL on Parent_Id

        foreach (string id in findings.FindingsOf(ZohoModules.Notes).Ids)
        {
            findings.SetOutcome(ZohoModules.Notes, id, RecordOutcomeKind.Found);
        }

        run.ModulesDone++;
    }
}
