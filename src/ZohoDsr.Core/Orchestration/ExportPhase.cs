using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Orchestration;

/// <summary>Access: writes every found record to export parts (ExportRecords), then joins them (FinalizeExport).</summary>
internal static class ExportPhase
{
    /// <summary>Records per ExportRecords part.</summary>
    public const int PartSize = 100;

    public static async Task<DsrResult> RunAsync(DsrRun run, DsrCalls calls)
    {
        run.SetStatus(DsrStatus.Running, DsrPhases.Export);
        var parts = new List<(string Module, IReadOnlyList<string> Ids, int Part)>();
        foreach ((string module, ModuleFindings findings) in run.Findings.Modules)
        {
            foreach (IReadOnlyList<string> chunk in OrdinalLists.Chunk([.. findings.Ids], PartSize))
            {
                parts.Add((module, chunk, parts.Count + 1));
            }
        }

        var written = new ExportRecordsResult?[parts.Count];
        await calls.FanOutAsync(Enumerable.Range(0, parts.Count).ToList(), async index =>
        {
            (string module, IReadOnlyList<string> ids, int part) = parts[index];
            written[index] = await calls.CallZohoAsync(
                DsrActivities.ExportRecords, new ExportRecordsInput(run.Input.OrgId, run.Input.RequestId, module, ids, part), module);
        });

        var partNames = new List<string>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            ExportRecordsResult part = written[i]!;
            partNames.Add(part.PartName);
            string module = parts[i].Module;
            foreach (string missing in part.MissingIds.Where(parts[i].Ids.Contains))
            {
                run.Findings.SetOutcome(module, missing, RecordOutcomeKind.NotFound);
            }
        }

        FinalizeExportResult export = await calls.CallAsync(
            DsrActivities.FinalizeExport, new FinalizeExportInput(run.Input.OrgId, run.Input.RequestId, partNames), module: null, run.Settings.ActivityRetry);
        run.ExportLocation = export.Location;
        return run.Result(DsrStatus.Completed, error: null);
    }
}
