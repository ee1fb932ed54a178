using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ZohoCrm.Client;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Reads each record with every field, private ones included (<c>GET /{module}/{id}?include=private_fields</c>), and
/// writes them as one export part <c>{"module": ..., "records": [...]}</c>; ids Zoho no longer has are reported missing.
/// The part is written whole at the end (a throttled or retried attempt leaves nothing half-written).
/// </summary>
public sealed class ExportRecordsHandler(ZohoActivityRunner runner, IExportStore store, ILogger<ExportRecordsHandler> logger)
{
    /// <summary>The part's name: <c>{part:D5}-{module}.json</c>, so parts sort in the order they were planned.</summary>
    public static string PartNameOf(int part, string module) => string.Create(CultureInfo.InvariantCulture, $"{part:D5}-{module}.json");

    public Task<ExportRecordsResult> HandleAsync(ExportRecordsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        string module = input.Module;
        string partName = PartNameOf(input.Part, module);
        ZohoActivityRun<ExportRecordsResult> run = runner.Start(DsrActivities.ExportRecords, input, AuditActions.Export, module);
        return run.RunAsync(
            async () =>
            {
                var records = new List<ZohoRecord>();
                var missing = new List<string>();
                foreach (string id in input.RecordIds.Distinct(StringComparer.Ordinal))
                {
                    ZohoRecord? record = await run.Client.GetRecordAsync(module, id, includePrivateFields: true, cancellationToken).ConfigureAwait(false);
                    if (record is null)
                    {
                        missing.Add(id);
                    }
                    else
                    {
                        records.Add(record);
                    }
                }

                await store.WritePartAsync(input.OrgId, input.RequestId, partName, Serialize(module, records), cancellationToken).ConfigureAwait(false);
                run.Audit.Add(AuditActions.Export, module, records.Count, AuditOutcomes.Ok, recordIds: records.Select(r => r.Id).ToList());
                Log.ExportPartWritten(logger, input.RequestId, input.OrgId, module, records.Count);
                if (missing.Count > 0)
                {
                    run.Audit.Add(AuditActions.Export, module, missing.Count, AuditOutcomes.Missing, recordIds: missing);
                    Log.ExportRecordsMissing(logger, input.RequestId, input.OrgId, module, missing.Count);
                }

                return new ExportRecordsResult(module, partName, records.Count, missing);
            },
            () => new ExportRecordsResult(module, partName, 0, []),
            cancellationToken);
    }

    private static BinaryData Serialize(string module, List<ZohoRecord> records)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("module", module);
            writer.WriteStartArray("records");
            foreach (ZohoRecord record in records)
            {
                record.Data.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return BinaryData.FromBytes(buffer.ToArray());
    }
}
