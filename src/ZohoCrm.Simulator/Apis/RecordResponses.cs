using System.Text.Json;
using ZohoCrm.Simulator.Model;
using ZohoCrm.Simulator.Storage;

namespace ZohoCrm.Simulator.Apis;

/// <summary>Writes <c>{"data":[...],"info":{...},"private_fields":[...]}</c> answers.</summary>
internal static class RecordResponses
{
    public static bool IncludePrivate(CrmContext ctx) =>
        ctx.Param("include") is { } include && include.Split(',').Contains("private_fields", StringComparer.Ordinal);

    /// <summary>The restricted-value mask of a store for this call, or null when every value may be shown.</summary>
    public static bool[]? Hidden(CrmContext ctx, ModuleStore store, bool includePrivate)
    {
        if (!ctx.Org.PrivacyOn || !store.Restricted.Contains(true))
        {
            return null;
        }

        return includePrivate && ctx.Options.RestrictedValuesWithPrivateFields ? null : store.Restricted;
    }

    public static Task WriteRecordsAsync(
        CrmContext ctx, IReadOnlyList<SimRecord> records, IReadOnlyList<string>? fields, ListInfo? info, IReadOnlyList<ModuleStore> stores,
        bool activityRows = false, bool lookupNames = true)
    {
        var includePrivate = IncludePrivate(ctx);
        var views = new Dictionary<ModuleSchema, RecordView>();
        foreach (var store in stores)
        {
            views[store.Schema] = new RecordView
            {
                Version = ctx.Version,
                Fields = fields,
                Hidden = Hidden(ctx, store, includePrivate),
                Offset = ctx.Org.Offset,
                ActivityRow = activityRows,
                LookupNames = lookupNames,
            };
        }

        return ZohoResponses.WriteJsonAsync(ctx.Http, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            foreach (var record in records)
            {
                RecordJsonWriter.Write(w, record, views[record.Schema]);
            }

            w.WriteEndArray();
            if (info is not null)
            {
                WriteInfo(w, ctx, info);
            }

            if (includePrivate)
            {
                WritePrivateFields(w, ctx, stores);
            }

            w.WriteEndObject();
        });
    }

    public static void WriteInfo(Utf8JsonWriter w, CrmContext ctx, ListInfo info)
    {
        w.WriteStartObject("info");
        w.WriteNumber("per_page", info.PerPage);
        if (ctx.Version >= 3)
        {
            WriteNullableString(w, "next_page_token", info.NextPageToken);
        }

        w.WriteNumber("count", info.Count);
        if (ctx.Version >= 3)
        {
            WriteNullableString(w, "sort_by", info.SortBy);
        }

        w.WriteNumber("page", info.Page);
        if (ctx.Version >= 3)
        {
            w.WriteNull("previous_page_token");
            if (info.TokenExpiryUnix is long expiry)
            {
                w.WriteString("page_token_expiry", RecordJsonWriter.FormatDateTime(expiry, ctx.Org.Offset));
            }
            else
            {
                w.WriteNull("page_token_expiry");
            }

            WriteNullableString(w, "sort_order", info.SortOrder);
        }
        else if (info.NextPageToken is not null)
        {
            w.WriteString("next_page_token", info.NextPageToken);
        }

        w.WriteBoolean("more_records", info.MoreRecords);
        w.WriteEndObject();
    }

    public static void WritePrivateFields(Utf8JsonWriter w, CrmContext ctx, IReadOnlyList<ModuleStore> stores)
    {
        w.WriteStartArray("private_fields");
        if (ctx.Org.PrivacyOn)
        {
            foreach (var store in stores)
            {
                foreach (var field in store.Schema.Fields)
                {
                    if (store.Restricted[field.Ordinal])
                    {
                        w.WriteStartObject();
                        WritePrivate(w);
                        w.WriteString("api_name", field.ApiName);
                        w.WriteString("id", RecordJsonWriter.Id(ctx.Org.FieldId(store.Schema, field)));
                        w.WriteEndObject();
                    }
                }
            }
        }

        w.WriteEndArray();
    }

    public static void WritePrivate(Utf8JsonWriter w)
    {
        w.WriteStartObject("private");
        w.WriteBoolean("restricted", true);
        w.WriteString("type", "High");
        w.WriteBoolean("export", false);
        w.WriteEndObject();
    }

    private static void WriteNullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
