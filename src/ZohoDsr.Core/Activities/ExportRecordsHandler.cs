using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ZohoCrm.Client;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Exports;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Reads each record with every field, private ones included (<c>GET /{module}/{id}?include=private_fields</c>), and
/// writes them as one export part <c>{"module": ..., "records": [...]}</c>; ids Zoho no longer has are reported missing.
/// The part is written whole at the end (a throttled or retried attempt leaves nothing half-written).
/// </summary>
public sealed class ExportRecordsHandler(
    ActivityZohoClients clients,
    IExportStore store,
    AuditWriter audit,
    TimeProvider timeProvider,
    ILogger<ExportRecordsHandler> logger)
{
    /// <summary>The part's name: <c>{part:D5}-{module}.json</c>, so parts sort in the order they were planned.</summary>
    public static string PartNameOf(int part, string module) => string.Create(CultureInfo.InvariantCulture, $"{part:D5}-{module}.json");

    public async Task<ExportRecordsResult> HandleAsync(ExportRecordsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        string module = input.Module;
        string partName = PartNameOf(input.Part, module);
        ZohoCrmClient client = clients.For(input.OrgId);
        ZohoSpendMeter meter = ZohoSpendMeter.Start(client);
        var records = new List<ZohoRecord>();
        var missing = new List<string>();
        try
        {
            foreach (string id in input.RecordIds.Distinct(StringComparer.Ordinal))
            {
                ZohoRecord? record = await client.GetRecordAsync(module, id, includePrivateFields: true, cancellationToken).ConfigureAwait(false);
                if (record is null)
                {
                    missing.Add(id);
                }
                else
                {
                    records.Add(record);
                }
            }
        }
        catch (ZohoThrottledException ex)
        {
            Log.ActivityThrottled(logger, input.RequestId, input.OrgId, module, ex.Code, ex.RetryAfter);
            await audit.AppendAsync(input.OrgId, input.RequestId, [new AuditEntry(timeProvider.GetUtcNow(), "export", module, 0, "throttled", ex.Code)], cancellationToken).ConfigureAwait(false);
            return new ExportRecordsResult(module, partName, 0, []) { Spend = meter.Spent(), Throttled = new ActivityThrottle(ex.RetryAfter, ex.Code) };
        }

        await store.WritePartAsync(input.OrgId, input.RequestId, partName, Serialize(module, records), cancellationToken).ConfigureAwait(false);
        var entries = new List<AuditEntry>
        {
            new(timeProvider.GetUtcNow(), "export", module, records.Count, "ok", null, records.Select(r => r.Id).ToList()),
        };
        if (missing.Count > 0)
        {
            entries.Add(new AuditEntry(timeProvider.GetUtcNow(), "export", module, missing.Count, "missing", null, missing));
        }

        await audit.AppendAsync(input.OrgId, input.RequestId, entries, cancellationToken).ConfigureAwait(false);
        Log.ExportPartWritten(logger, input.RequestId, input.OrgId, module, records.Count, $"{missing.Count} missing");
        return new ExportRecordsResult(module, partName, records.Count, missing) { Spend = meter.Spent() };
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
