using System.Globalization;
using Microsoft.Net.Http.Headers;
using ZohoCrm.Simulator.Model;
using ZohoCrm.Simulator.Storage;

namespace ZohoCrm.Simulator.Apis;

/// <summary>List, get, related lists, deleted records and delete (reference sections 3, 5, 6).</summary>
internal static class RecordsApi
{
    public static void MapRecordsApi(this IEndpointRouteBuilder crm, CrmPipeline pipeline)
    {
        crm.MapGet("/{module}", pipeline.Wrap("GET /crm/{v}/{module}", null, ListAsync));
        crm.MapGet("/{module}/deleted", pipeline.Wrap("GET /crm/{v}/{module}/deleted", null, DeletedAsync));
        crm.MapGet("/{module}/{id}", pipeline.Wrap("GET /crm/{v}/{module}/{id}", null, GetAsync));
        crm.MapDelete("/{module}", pipeline.Wrap("DELETE /crm/{v}/{module}", null, DeleteManyAsync));
        crm.MapDelete("/{module}/{id}", pipeline.Wrap("DELETE /crm/{v}/{module}/{id}", null, DeleteOneAsync));
    }

    public static bool TryParseId(string? text, out long id)
    {
        id = 0;
        return text is { Length: > 0 and <= 19 } && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }

    private static async Task ListAsync(CrmContext ctx)
    {
        var target = await ModuleTarget.AuthorizeAsync(ctx, "READ");
        if (target is null)
        {
            return;
        }

        if (!await ctx.ChargeAsync(ctx.Param("cvid") is null ? 1 : 3))
        {
            return;
        }

        var sortError = TryParseSort(ctx, out var sortBy, out var descending);
        var error = FieldSelection.TryParse(ctx, target.AllSchemas, required: ctx.Version >= 3, out var fields) ?? sortError;
        if (error is not null)
        {
            await error.WriteAsync(ctx.Http);
            return;
        }

        var allowToken = ctx.Version >= 3 || ctx.Options.V2DiscretePaginationLimit;
        var binding = PageToken.Bind(ctx.Org.OrgId, target.Schema.ApiName, ctx.Param("fields"), sortBy, descending ? "desc" : "asc", ctx.Param("cvid"));
        error = Paging.TryParse(ctx, binding, allowToken, out var paging);
        if (error is null && paging.Token is null && allowToken && paging.Page * paging.PerPage > Paging.DiscreteLimit)
        {
            error = new ApiError(400, "DISCRETE_PAGINATION_LIMIT_EXCEEDED",
                "Records beyond 2000 cannot be fetched using page; use page_token", d => d.WriteString("param_name", "page"));
        }

        if (error is not null)
        {
            await error.WriteAsync(ctx.Http);
            return;
        }

        var since = ParseIfModifiedSince(ctx);
        Func<SimRecord, bool>? filter = since is long s ? r => r.ModifiedUnix > s : null;
        if (ctx.Param("ids") is { } idsText)
        {
            var wanted = idsText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => TryParseId(t, out var n) ? n : -1).ToHashSet();
            var previous = filter;
            filter = r => wanted.Contains(r.Id) && (previous is null || previous(r));
        }

        List<SimRecord> page;
        bool more;
        if (target.Store is { } store && sortBy is "id" or "Created_Time")
        {
            page = paging.Token is { } token
                ? store.PageFrom(token.AfterId, filter, 0, paging.PerPage, descending, out more)
                : store.Page(filter, paging.Skip, paging.PerPage, descending, out more);
        }
        else
        {
            var all = target.Stores.SelectMany(st => st.Where(r => r.IsLive && (filter is null || filter(r)))).ToList();
            Sort(all, sortBy, descending);
            var skip = paging.Token?.Position ?? paging.Skip;
            page = [.. all.Skip(skip).Take(paging.PerPage)];
            more = all.Count > skip + page.Count;
        }

        if (page.Count == 0)
        {
            ctx.Http.Response.StatusCode = since is not null ? StatusCodes.Status304NotModified : StatusCodes.Status204NoContent;
            return;
        }

        var position = (paging.Token?.Position ?? paging.Skip) + page.Count;
        var info = MakeInfo(ctx, paging, page, more, allowToken, binding, position, sortBy, descending);
        await RecordResponses.WriteRecordsAsync(ctx, page, fields, info, target.Stores, activityRows: target.IsActivities);
    }

    private static async Task GetAsync(CrmContext ctx)
    {
        var target = await ModuleTarget.AuthorizeAsync(ctx, "READ");
        if (target is null)
        {
            return;
        }

        if (!await ctx.ChargeAsync(1))
        {
            return;
        }

        var error = FieldSelection.TryParse(ctx, target.AllSchemas, required: false, out var fields);
        if (error is not null)
        {
            await error.WriteAsync(ctx.Http);
            return;
        }

        var record = TryParseId(ctx.Route("id"), out var id)
            ? target.Stores.Select(s => s.Find(id)).FirstOrDefault(r => r is { IsLive: true })
            : null;
        if (record is null)
        {
            await UnknownIdAsync(ctx);
            return;
        }

        await RecordResponses.WriteRecordsAsync(ctx, [record], fields, null, [ctx.Org.Store(record.Schema.ApiName)], activityRows: target.IsActivities);
    }

    private static async Task DeletedAsync(CrmContext ctx)
    {
        if (await ModuleTarget.AuthorizeAsync(ctx, "READ", storedOnly: true) is not { Store: { } store })
        {
            return;
        }

        if (!await ctx.ChargeAsync(2))
        {
            return;
        }

        var type = ctx.Param("type") ?? "all";
        if (type is not ("all" or "recycle" or "permanent"))
        {
            await ApiError.InvalidData("type", "the type given seems to be invalid").WriteAsync(ctx.Http);
            return;
        }

        var error = Paging.TryParse(ctx, string.Empty, allowToken: false, out var paging);
        if (error is not null)
        {
            await error.WriteAsync(ctx.Http);
            return;
        }

        var since = ParseIfModifiedSince(ctx);
        var org = ctx.Org;
        var deleted = store.Where(r => !r.IsLive && (since is null || r.DeletedUnix > since))
            .Select(r => (Record: r, Permanent: r.State == RecordState.Purged || org.IsExpiredFromBin(r)))
            .Where(x => type == "all" || (type == "permanent") == x.Permanent)
            .OrderByDescending(x => x.Record.DeletedUnix).ThenByDescending(x => x.Record.Id)
            .ToList();
        var page = deleted.Skip(paging.Skip).Take(paging.PerPage).ToList();
        if (page.Count == 0)
        {
            ctx.Http.Response.StatusCode = since is not null ? StatusCodes.Status304NotModified : StatusCodes.Status204NoContent;
            return;
        }

        await ZohoResponses.WriteJsonAsync(ctx.Http, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            foreach (var (record, permanent) in page)
            {
                w.WriteStartObject();
                var user = record.Deletion?.User ?? org.Users[0];
                w.WriteStartObject("deleted_by");
                w.WriteString("name", user.Name);
                w.WriteString("id", RecordJsonWriter.Id(user.Id));
                w.WriteEndObject();
                w.WriteString("id", RecordJsonWriter.Id(record.Id));
                w.WriteString("display_name", record.DisplayName);
                w.WriteString("type", permanent ? "permanent" : "recycle");
                var owner = record.Get("Owner") as LookupRef ?? user;
                w.WriteStartObject("created_by");
                w.WriteString("name", owner.Name);
                w.WriteString("id", RecordJsonWriter.Id(owner.Id));
                w.WriteEndObject();
                w.WritePropertyName("deleted_time");
                RecordJsonWriter.WriteDateTime(w, record.DeletedUnix, org.Offset);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            RecordResponses.WriteInfo(w, ctx, new ListInfo(paging.PerPage, page.Count, paging.Page, deleted.Count > paging.Skip + page.Count, null, null, null, null));
            w.WriteEndObject();
        });
    }

    private static async Task DeleteManyAsync(CrmContext ctx)
    {
        if (await ModuleTarget.AuthorizeAsync(ctx, "DELETE", storedOnly: true) is not { Store: { } store })
        {
            return;
        }

        if (!await ctx.ChargeAsync(1))
        {
            return;
        }

        var ids = (ctx.Param("ids") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length == 0)
        {
            await ZohoResponses.RequiredParamMissingAsync(ctx.Http, "ids");
            return;
        }

        if (ids.Length > 100)
        {
            await ZohoResponses.ErrorAsync(ctx.Http, 400, "LIMIT_EXCEEDED", "the number of ids exceeds the limit of 100", d =>
            {
                d.WriteString("param_name", "ids");
                d.WriteNumber("limit", 100);
            });
            return;
        }

        var results = ids.Select(text => (Text: text, Outcome: TryParseId(text, out var id) ? ctx.Org.Bin.Delete(store, id, ctx.Call) : DeleteOutcome.NotFound)).ToList();

        var allOk = results.All(r => r.Outcome == DeleteOutcome.Deleted);
        var status = allOk || ctx.Version < ctx.Options.MultiStatusFromVersion ? 200 : 207;
        await ZohoResponses.WriteJsonAsync(ctx.Http, status, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            foreach (var (text, outcome) in results)
            {
                WriteDeleteItem(w, text, outcome);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task DeleteOneAsync(CrmContext ctx)
    {
        if (await ModuleTarget.AuthorizeAsync(ctx, "DELETE", storedOnly: true) is not { Store: { } store })
        {
            return;
        }

        if (!await ctx.ChargeAsync(1))
        {
            return;
        }

        var text = ctx.Route("id");
        var outcome = TryParseId(text, out var id) ? ctx.Org.Bin.Delete(store, id, ctx.Call) : DeleteOutcome.NotFound;
        await WriteSingleDeleteAsync(ctx, text, outcome);
    }

    /// <summary>The answer of a single-id delete: the per-record item wrapped on success, an unwrapped error otherwise.</summary>
    internal static async Task WriteSingleDeleteAsync(CrmContext ctx, string text, DeleteOutcome outcome, int pathIndex = 1)
    {
        switch (outcome)
        {
            case DeleteOutcome.Deleted:
                await ZohoResponses.WriteJsonAsync(ctx.Http, 200, w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("data");
                    WriteDeleteItem(w, text, outcome);
                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return;
            case DeleteOutcome.Locked:
                await ZohoResponses.ErrorAsync(ctx.Http, 400, "RECORD_LOCKED", "the record is locked", d =>
                {
                    d.WriteString("action", "record_locking");
                    d.WriteString("id", text);
                });
                return;
            default:
                await ZohoResponses.ErrorAsync(ctx.Http, 400, "INVALID_DATA", "record not deleted", d =>
                {
                    d.WriteNumber("resource_path_index", pathIndex);
                    d.WriteString("id", text);
                });
                return;
        }
    }

    private static void WriteDeleteItem(System.Text.Json.Utf8JsonWriter w, string id, DeleteOutcome outcome)
    {
        switch (outcome)
        {
            case DeleteOutcome.Deleted:
                ZohoResponses.WriteErrorObject(w, "SUCCESS", "record deleted", d => d.WriteString("id", id), "success");
                break;
            case DeleteOutcome.Locked:
                ZohoResponses.WriteErrorObject(w, "RECORD_LOCKED", "the record is locked", d =>
                {
                    d.WriteString("action", "record_locking");
                    d.WriteString("id", id);
                });
                break;
            default:
                ZohoResponses.WriteErrorObject(w, "INVALID_DATA", "record not deleted", d => d.WriteString("id", id));
                break;
        }
    }

    internal static ListInfo MakeInfo(
        CrmContext ctx, Paging paging, List<SimRecord> page, bool more, bool allowToken, string binding, int position, string? sortBy, bool descending)
    {
        string? next = null;
        long? expiry = null;
        if (more && allowToken)
        {
            expiry = ctx.Org.Now.Add(PageToken.Lifetime).ToUnixTimeSeconds();
            next = new PageToken(binding, page[^1].Id, position, expiry.Value).Encode();
        }

        return new ListInfo(paging.PerPage, page.Count, paging.Page, more, next, sortBy, descending ? "desc" : "asc", expiry);
    }

    internal static async Task UnknownIdAsync(CrmContext ctx)
    {
        if (ctx.Options.UnknownRecordIdIsInvalidData)
        {
            await ZohoResponses.InvalidIdAsync(ctx.Http, 1);
        }
        else
        {
            await ZohoResponses.NoContent(ctx.Http);
        }
    }

    private static ApiError? TryParseSort(CrmContext ctx, out string sortBy, out bool descending)
    {
        sortBy = ctx.Param("sort_by") ?? "id";
        var order = ctx.Param("sort_order") ?? "desc";
        descending = order == "desc";
        if (order is not ("asc" or "desc"))
        {
            return ApiError.InvalidData("sort_order", "the sort_order given seems to be invalid");
        }

        if (ctx.Version >= 3 && sortBy is not ("id" or "Created_Time" or "Modified_Time"))
        {
            return ApiError.InvalidData("sort_by", "the sort_by given seems to be invalid");
        }

        if (ctx.Param("cvid") is not null && ctx.Param("sort_by") is not null && ctx.Version >= 3)
        {
            return new ApiError(400, "AMBIGUITY_DURING_PROCESSING", "cvid and sort_by cannot be given together",
                d => d.WriteString("param_name", "sort_by"));
        }

        return null;
    }

    private static void Sort(List<SimRecord> records, string sortBy, bool descending)
    {
        Comparison<SimRecord> compare = sortBy switch
        {
            "id" or "Created_Time" => static (a, b) => a.Id.CompareTo(b.Id),
            "Modified_Time" => static (a, b) => a.ModifiedUnix != b.ModifiedUnix ? a.ModifiedUnix.CompareTo(b.ModifiedUnix) : a.Id.CompareTo(b.Id),
            _ => (a, b) =>
            {
                var c = string.Compare(a.Get(sortBy)?.ToString(), b.Get(sortBy)?.ToString(), StringComparison.OrdinalIgnoreCase);
                return c != 0 ? c : a.Id.CompareTo(b.Id);
            },
        };
        records.Sort(descending ? (a, b) => compare(b, a) : compare);
    }

    private static long? ParseIfModifiedSince(CrmContext ctx)
    {
        var header = ctx.Http.Request.Headers[HeaderNames.IfModifiedSince].ToString();
        return header.Length > 0 && DateTimeOffset.TryParse(header, CultureInfo.InvariantCulture, DateTimeStyles.None, out var since)
            ? since.ToUnixTimeSeconds()
            : null;
    }
}
