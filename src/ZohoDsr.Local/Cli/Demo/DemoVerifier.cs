using ZohoCrm.Simulator;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Local.Cli.Demo;

/// <summary>Checks the demo's three results against what the simulator planted and what it now holds.</summary>
public static class DemoVerifier
{
    public static IReadOnlyList<DemoCheck> Verify(
        SimOrg org,
        PlantedSubject subject,
        IReadOnlyCollection<string> deletableModules,
        DsrStatusView access,
        DsrStatusView dryRun,
        long deletedByDryRun,
        int plantedExistingAfterDryRun,
        DsrStatusView delete,
        long deletedByDelete)
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(deletableModules);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(dryRun);
        ArgumentNullException.ThrowIfNull(delete);
        var checks = new List<DemoCheck>();
        IReadOnlyDictionary<string, IReadOnlyList<string>> owned = Owned(subject);
        int totalOwned = owned.Values.Sum(ids => ids.Count);

        checks.Add(Completed("access", access));
        if (access.Result is { } accessResult)
        {
            var wrong = accessResult.Modules
                .Where(m => m.Found != Expected(owned, m.Module).Count)
                .Select(m => $"{m.Module}: found {m.Found}, planted {Expected(owned, m.Module).Count}")
                .ToList();
            var missed = owned
                .Where(e => e.Value.Count > 0 && !accessResult.Modules.Any(m => m.Module == e.Key))
                .Select(e => $"{e.Key}: {e.Value.Count} planted, module not searched")
                .ToList();
            checks.Add(new DemoCheck(
                "access found exactly the planted records",
                wrong.Count == 0,
                wrong.Count == 0 ? $"{accessResult.Modules.Sum(m => m.Found)} records in {accessResult.Modules.Count(m => m.Found > 0)} modules" : string.Join("; ", wrong)));
            if (missed.Count > 0)
            {
                checks.Add(new DemoCheck("planted modules outside the configured modules", true, string.Join("; ", missed)));
            }

            var linked = subject.ExpectedDealIds.Select(id => (Module: "Deals", Id: id))
                .Concat(subject.ExpectedLeadActivityIds.SelectMany(e => e.Value.Select(id => (Module: e.Key, Id: id))))
                .Concat(subject.ExpectedNotes.Select(n => (Module: "Notes", n.Id)))
                .ToList();
            var foundIds = accessResult.Records.Select(r => (r.Module, Id: r.RecordId)).ToHashSet();
            var linkedMissed = linked.Where(r => !foundIds.Contains(r)).ToList();
            checks.Add(new DemoCheck(
                "access found the deals, lead-linked activities and notes",
                linkedMissed.Count == 0,
                linkedMissed.Count == 0
                    ? $"{subject.ExpectedDealIds.Count} deals, {linked.Count - subject.ExpectedDealIds.Count - subject.ExpectedNotes.Count} activities of matched leads, {subject.ExpectedNotes.Count} notes"
                    : $"missed: {string.Join(", ", linkedMissed.Select(r => $"{r.Module}/{r.Id}"))}"));

            checks.Add(new DemoCheck("access wrote an export", accessResult.ExportLocation is not null, accessResult.ExportLocation ?? "no export location"));
        }

        checks.Add(Completed("delete dry run", dryRun));
        checks.Add(new DemoCheck(
            "dry run deleted nothing",
            deletedByDryRun == 0 && (dryRun.Result?.Modules.Sum(m => m.Deleted) ?? 0) == 0 && plantedExistingAfterDryRun == totalOwned,
            $"simulator deleted {deletedByDryRun} records; {plantedExistingAfterDryRun} of {totalOwned} planted records still exist"));

        checks.Add(Completed("delete", delete));
        if (delete.Result is { } deleteResult)
        {
            var searched = deleteResult.Modules.Select(m => m.Module).ToHashSet(StringComparer.Ordinal);
            var expectedDeleted = owned
                .Where(e => searched.Contains(e.Key) && deletableModules.Contains(e.Key, StringComparer.Ordinal))
                .SelectMany(e => e.Value.Select(id => (Module: e.Key, Id: id)))
                .ToHashSet();
            var reportedDeleted = deleteResult.Records
                .Where(r => r.Outcome == RecordOutcomeKind.Deleted)
                .Select(r => (r.Module, Id: r.RecordId))
                .ToHashSet();
            var notDeleted = expectedDeleted.Except(reportedDeleted).ToList();
            var unexpected = reportedDeleted.Except(expectedDeleted).ToList();
            checks.Add(new DemoCheck(
                "records deleted == planted records of deletable modules",
                notDeleted.Count == 0 && unexpected.Count == 0,
                $"{reportedDeleted.Count} reported deleted, {expectedDeleted.Count} expected"
                + (notDeleted.Count > 0 ? $"; not deleted: {string.Join(", ", notDeleted.Select(r => $"{r.Module}/{r.Id}"))}" : string.Empty)
                + (unexpected.Count > 0 ? $"; not the subject's: {string.Join(", ", unexpected.Select(r => $"{r.Module}/{r.Id}"))}" : string.Empty)));

            var survivors = expectedDeleted.Where(r => org.Exists(r.Module, r.Id)).ToList();
            checks.Add(new DemoCheck(
                "deleted records are gone from the simulator",
                survivors.Count == 0,
                survivors.Count == 0 ? $"org.Exists is false for all {expectedDeleted.Count}" : $"still present: {string.Join(", ", survivors.Select(r => $"{r.Module}/{r.Id}"))}"));

            checks.Add(new DemoCheck(
                "simulator's deleted-records counter agrees",
                deletedByDelete == reportedDeleted.Count,
                $"counter {deletedByDelete}, reported {reportedDeleted.Count}"));

            var kept = owned
                .Where(e => !deletableModules.Contains(e.Key, StringComparer.Ordinal))
                .SelectMany(e => e.Value.Select(id => (Module: e.Key, Id: id)))
                .ToList();
            var keptGone = kept.Where(r => !org.Exists(r.Module, r.Id)).ToList();
            checks.Add(new DemoCheck(
                "records of non-deletable modules are kept",
                keptGone.Count == 0,
                keptGone.Count == 0 ? $"{kept.Count} kept" : $"deleted anyway: {string.Join(", ", keptGone.Select(r => $"{r.Module}/{r.Id}"))}"));
        }

        return checks;
    }

    /// <summary>How many of the subject's planted records the simulator still holds.</summary>
    public static int CountExisting(SimOrg org, PlantedSubject subject)
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(subject);
        return Owned(subject).Sum(e => e.Value.Count(id => org.Exists(e.Key, id)));
    }

    /// <summary>
    /// The subject's records a request finds, by module: the planted parents and contact children, the deals of its
    /// contacts, the activities linked to its leads and the notes of all of them (attachments are not searched).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Owned(PlantedSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.AllExpectedRecordIds
            .Where(e => e.Key != "Attachments")
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    private static IReadOnlyList<string> Expected(IReadOnlyDictionary<string, IReadOnlyList<string>> owned, string module)
        => owned.TryGetValue(module, out IReadOnlyList<string>? ids) ? ids : [];

    private static DemoCheck Completed(string name, DsrStatusView view)
        => new($"{name} completed", view.Status == DsrStatus.Completed, view.Error ?? view.Result?.Error ?? view.Status.ToString());
}
