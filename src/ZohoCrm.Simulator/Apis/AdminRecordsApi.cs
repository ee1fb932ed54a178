using System.Text.Json;
using ZohoCrm.Simulator.Model;
using ZohoCrm.Simulator.Seeding;

namespace ZohoCrm.Simulator.Apis;

/// <summary>
/// <c>/__sim/orgs/{orgId}/records...</c>: plant records over HTTP with Zoho's insert body and answer, lock a record,
/// and read the ground truth of records (live, in the recycle bin by whom, when and by which call, or purged).
/// </summary>
internal static class AdminRecordsApi
{
    public const int MaxRecordsPerCall = 100;

    public static void MapAdminRecordsApi(this RouteGroupBuilder admin, SimRegistry registry)
    {
        admin.MapPost("/orgs/{orgId}/records/{module}", (string orgId, string module, HttpContext http) => PlantAsync(registry, orgId, module, http));
        admin.MapGet("/orgs/{orgId}/records/{module}/{id}", (string orgId, string module, string id) =>
            registry.Find(orgId) is not { } org ? OrgNotFound(orgId)
            : org.GetRecordTruth(module, id) is { } truth ? Results.Ok(truth)
            : Results.NotFound(new { error = $"org '{orgId}' has no record {id} in module '{module}'" }));
        admin.MapPost("/orgs/{orgId}/records/{module}/{id}/lock", (string orgId, string module, string id) =>
            registry.Find(orgId) is not { } org ? OrgNotFound(orgId)
            : org.TryLockRecord(module, id) ? Results.Ok(org.GetRecordTruth(module, id))
            : Results.NotFound(new { error = $"org '{orgId}' has no live record {id} in module '{module}'" }));
        admin.MapGet("/orgs/{orgId}/truth", (string orgId, string? ids) =>
        {
            if (registry.Find(orgId) is not { } org)
            {
                return OrgNotFound(orgId);
            }

            var list = (ids ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (list.Length == 0)
            {
                return Results.BadRequest(new { error = "ids is required: a comma-separated list of record ids" });
            }

            return Results.Ok(new
            {
                records = list.Select(id => org.FindRecordTruth(id)).OfType<RecordTruth>(),
                unknownIds = list.Where(id => org.FindRecordTruth(id) is null),
            });
        });
        admin.MapGet("/orgs/{orgId}/recycle-bin", (string orgId) =>
            registry.Find(orgId) is { } org ? Results.Ok(new { records = org.RecycleBinTruth() }) : OrgNotFound(orgId));
    }

    public static IResult OrgNotFound(string orgId) => Results.NotFound(new { error = $"no org '{orgId}' in the simulator" });

    /// <summary><c>POST /__sim/orgs/{orgId}/records/{module}</c> with <c>{"data":[{...}]}</c>: 201, 207 or 400 with per-record results.</summary>
    private static async Task PlantAsync(SimRegistry registry, string orgId, string module, HttpContext http)
    {
        if (registry.Find(orgId) is not { } org)
        {
            await ZohoResponses.ErrorAsync(http, 404, "INVALID_DATA", $"no org '{orgId}' in the simulator", d => d.WriteString("param_name", "orgId"));
            return;
        }

        if (!Schemas.ByName.TryGetValue(module, out var schema) || schema.IsPseudo)
        {
            var hint = module == Schemas.Activities ? "; plant Calls, Tasks or Events" : string.Empty;
            await ZohoResponses.ErrorAsync(http, 400, "INVALID_MODULE", $"the module name given seems to be invalid{hint}", d => d.WriteString("param_name", "module"));
            return;
        }

        JsonElement data;
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
            if (body.RootElement.ValueKind != JsonValueKind.Object || !body.RootElement.TryGetProperty("data", out var d) || d.ValueKind != JsonValueKind.Array)
            {
                await ZohoResponses.RequiredParamMissingAsync(http, "data");
                return;
            }

            data = d.Clone();
        }
        catch (JsonException)
        {
            await ZohoResponses.ErrorAsync(http, 400, "INVALID_DATA", "the body is not valid JSON; send {\"data\":[{...}]}", d => d.WriteString("param_name", "body"));
            return;
        }

        var count = data.GetArrayLength();
        if (count == 0 || count > MaxRecordsPerCall)
        {
            await ZohoResponses.ErrorAsync(http, 400, count == 0 ? "INVALID_DATA" : "LIMIT_EXCEEDED",
                count == 0 ? "data must hold at least one record" : "data holds more than 100 records", d =>
                {
                    d.WriteString("param_name", "data");
                    d.WriteNumber("limit", MaxRecordsPerCall);
                });
            return;
        }

        var results = new List<(SimRecord? Record, InputError? Error)>();
        var index = 0;
        foreach (var item in data.EnumerateArray())
        {
            var (parsed, error) = RecordInput.Parse(org, schema, item, index++);
            results.Add(parsed is null ? (null, error) : (Store(org, schema, parsed), null));
        }

        var ok = results.Count(r => r.Record is not null);
        var status = ok == results.Count ? 201 : ok == 0 ? 400 : 207;
        await ZohoResponses.WriteJsonAsync(http, status, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            foreach (var (record, error) in results)
            {
                if (record is not null)
                {
                    WriteAdded(w, org, record);
                }
                else
                {
                    ZohoResponses.WriteErrorObject(w, error!.Code, error.Message, d =>
                    {
                        if (error.ApiName is not null)
                        {
                            d.WriteString("api_name", error.ApiName);
                        }

                        d.WriteString("json_path", error.JsonPath);
                        if (error.ExpectedDataType is not null)
                        {
                            d.WriteString("expected_data_type", error.ExpectedDataType);
                        }
                    });
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static SimRecord Store(SimOrg org, ModuleSchema schema, ParsedRecord parsed) =>
        org.AddRecord(schema, parsed.Values, record =>
        {
            if (schema.ApiName == Schemas.Attachments && record.Get("$type") as string == AttachmentTypes.File)
            {
                record.Values[schema.Field("$file_id").Slot] = SyntheticFile.FileId(record.Id);
                if (parsed.Content is { } content)
                {
                    org.SetAttachmentContent(record.Id, content);
                }
            }
        });

    private static void WriteAdded(Utf8JsonWriter w, SimOrg org, SimRecord record)
    {
        var by = record.Get("Owner") as LookupRef ?? org.Users[0];
        ZohoResponses.WriteErrorObject(w, "SUCCESS", "record added", d =>
        {
            d.WritePropertyName("Modified_Time");
            RecordJsonWriter.WriteDateTime(d, record.ModifiedUnix, org.Offset);
            MetadataApi.WriteUser(d, "Modified_By", by);
            d.WritePropertyName("Created_Time");
            RecordJsonWriter.WriteDateTime(d, record.CreatedUnix, org.Offset);
            d.WriteString("id", RecordJsonWriter.Id(record.Id));
            MetadataApi.WriteUser(d, "Created_By", by);
        }, "success");
    }
}
