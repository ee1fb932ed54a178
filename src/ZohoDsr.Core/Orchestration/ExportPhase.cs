using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// Access: writes every found record to export parts (ExportRecords), then joins them (FinalizeExport). When writing
/// fails for good, the records of the parts not written are reported failed with the fault's code.
/// </summary>
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
        try
        {
            await calls.FanOutAsync(Enumerable.Range(0, parts.Count).ToList(), async index =>
            {
                (string module, IReadOnlyList<string> ids, int part) = parts[index];
                written[index] = await calls.CallZohoAsync(
                    DsrActivities.ExportRecords, new ExportRecordsInput(run.Input.OrgId, run.Input.RequestId, module, ids, part), module);
            });
        }
        catch (DsrStepFailedException ex)
        {
            // The records of parts not written are not in the export: failed, with the cause as their reason.
            var unwritten = 0;
            for (var i = 0; i < parts.Count; i++)
            {
                if (written[i] is null)
                {
                    foreach (string id in parts[i].Ids)
                    {
                        run.Findings.SetOutcome(parts[i].Module, id, RecordOutcomeKind.Failed, ex.Fault.Code);
                        unwritten++;
                    }
                }
            }

            throw ex.Prefixed($"{unwritten} of {parts.Sum(p => p.Ids.Count)} records not exported ({ex.Fault.Code})");
        }

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
            DsrActivities.FinalizeExport, new FinalizeExportInput(run.Input.OrgId, run.Input.RequestId, partNames) { Mentions = [.. run.Findings.Mentions.Values] }, module: null, run.Settings.ActivityRetry);
        run.ExportLocation = export.Location;
        return run.Result(DsrStatus.Completed, error: null);
    }
}
