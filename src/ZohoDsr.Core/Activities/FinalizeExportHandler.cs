using System.Text.Json;
using Microsoft.Extensions.Logging;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Joins a request's export parts into its one export file
/// <c>{"requestId", "orgId", "generatedAt", "records", "modules": {"Contacts": [...], ...}, "lawfulBasis": [...],
/// "mentions": [{"module", "id", "field"}]}</c> (records that hold the email only in free text, for review), then
/// deletes every part of the request
/// (those of an earlier, unfinished run of the same request too). Retry-safe: when parts are gone because an earlier
/// attempt finished the file, that file is the answer, and what parts remain are deleted.
/// </summary>
public sealed class FinalizeExportHandler(
    IExportStore store,
    AuditWriter audit,
    TimeProvider timeProvider,
    ILogger<FinalizeExportHandler> logger)
{
    public async Task<FinalizeExportResult> HandleAsync(FinalizeExportInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var parts = new List<JsonDocument>();
        try
        {
            if (!await ReadPartsAsync(input, parts, cancellationToken).ConfigureAwait(false))
            {
                int? existing = await CountExistingAsync(input, cancellationToken).ConfigureAwait(false);
                if (existing is int count)
                {
                    // An earlier attempt wrote the export and was stopped while deleting the parts: finish that.
                    await store.DeletePartsAsync(input.OrgId, input.RequestId, cancellationToken).ConfigureAwait(false);
                    return new FinalizeExportResult(store.GetExportLocation(input.OrgId, input.RequestId), count);
                }

                throw new InvalidOperationException($"Export parts of request '{input.RequestId}' are missing and no export was written.");
            }

            (string location, int records) = await WriteExportAsync(input, parts, cancellationToken).ConfigureAwait(false);
            await store.DeletePartsAsync(input.OrgId, input.RequestId, cancellationToken).ConfigureAwait(false);
            var lines = new AuditLines(DsrActivities.FinalizeExport.Name, input.CallId, timeProvider);
            lines.Add(AuditActions.ExportFinalize, null, records, AuditOutcomes.Ok);
            await audit.AppendAsync(input.OrgId, input.RequestId, lines.Entries, cancellationToken).ConfigureAwait(false);
            Log.ExportFinalized(logger, input.RequestId, input.OrgId, records);
            return new FinalizeExportResult(location, records);
        }
        finally
        {
            foreach (JsonDocument part in parts)
            {
                part.Dispose();
            }
        }
    }

    /// <summary>Reads the parts in order into <paramref name="parts"/>; false when any is missing.</summary>
    private async Task<bool> ReadPartsAsync(FinalizeExportInput input, List<JsonDocument> parts, CancellationToken cancellationToken)
    {
        bool complete = true;
        foreach (string partName in input.PartNames.Distinct(StringComparer.Ordinal))
        {
            BinaryData? content = await store.ReadPartAsync(input.OrgId, input.RequestId, partName, cancellationToken).ConfigureAwait(false);
            if (content is null)
            {
                complete = false;
                continue;
            }

            parts.Add(JsonDocument.Parse(content.ToMemory()));
        }

        return complete;
    }

    /// <summary>Writes the export file: the parts' records grouped by module, modules in the order of their first part.</summary>
    private async Task<(string Location, int Records)> WriteExportAsync(FinalizeExportInput input, List<JsonDocument> parts, CancellationToken cancellationToken)
    {
        var byModule = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (JsonDocument part in parts)
        {
            string module = part.RootElement.GetProperty("module").GetString() ?? "Unknown";
            if (!byModule.TryGetValue(module, out List<JsonElement>? list))
            {
                byModule[module] = list = [];
                order.Add(module);
            }

            list.AddRange(part.RootElement.GetProperty("records").EnumerateArray());
        }

        int records = byModule.Values.Sum(l => l.Count);
        DateTimeOffset generatedAt = timeProvider.GetUtcNow();
        string location = await store.WriteExportAsync(
            input.OrgId,
            input.RequestId,
            async (stream, ct) =>
            {
                await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                writer.WriteStartObject();
                writer.WriteString("requestId", input.RequestId);
                writer.WriteString("orgId", input.OrgId);
                writer.WriteString("generatedAt", generatedAt);
                writer.WriteNumber("records", records);
                writer.WriteStartObject("modules");
                foreach (string module in order)
                {
                    writer.WriteStartArray(module);
                    foreach (JsonElement record in byModule[module])
                    {
                        record.WriteTo(writer);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
                WriteLawfulBasis(writer, order, byModule);
                writer.WriteStartArray("mentions");
                foreach (Mention mention in input.Mentions ?? [])
                {
                    writer.WriteStartObject();
                    writer.WriteString("module", mention.Module);
                    writer.WriteString("id", mention.Id);
                    writer.WriteString("field", mention.Field);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                await writer.FlushAsync(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return (location, records);
    }

    /// <summary>
    /// <c>"lawfulBasis": [{"module", "id", "basis", "consentDate", "consentThrough"}]</c>: a line per record whose
    /// <c>Data_Processing_Basis_Details</c> (GDPR consent record of leads, contacts, vendors; reference section 8) is set,
    /// so that the reader sees on what basis each record is processed without opening it.
    /// </summary>
    private static void WriteLawfulBasis(Utf8JsonWriter writer, List<string> order, Dictionary<string, List<JsonElement>> byModule)
    {
        writer.WriteStartArray("lawfulBasis");
        foreach (string module in order)
        {
            foreach (JsonElement record in byModule[module])
            {
                if (record.ValueKind != JsonValueKind.Object
                    || !record.TryGetProperty("Data_Processing_Basis_Details", out JsonElement details)
                    || details.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString("module", module);
                writer.WriteString("id", record.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null);
                WriteText(writer, "basis", details, "Data_Processing_Basis");
                WriteText(writer, "consentDate", details, "Consent_Date");
                WriteText(writer, "consentThrough", details, "Consent_Through");
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteText(Utf8JsonWriter writer, string name, JsonElement details, string property)
    {
        if (details.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String)
        {
            writer.WriteString(name, value.GetString());
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private async Task<int?> CountExistingAsync(FinalizeExportInput input, CancellationToken cancellationToken)
    {
        Stream? stream = await store.OpenExportAsync(input.OrgId, input.RequestId, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            using JsonDocument export = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            return export.RootElement.GetProperty("modules").EnumerateObject().Sum(m => m.Value.GetArrayLength());
        }
    }
}
