using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Apis;

/// <summary>
/// v7+ recycle bin (reference section 6): list (<c>ids</c>, <c>filters</c>, <c>sort_by</c>), one record by id, and
/// permanent deletion of recycled records.
/// </summary>
internal static class RecycleBinApi
{
    public const int FirstVersion = 7;

    public static void MapRecycleBinApi(this IEndpointRouteBuilder crm, CrmPipeline pipeline)
    {
        crm.MapGet("/settings/recycle_bin", pipeline.Wrap("GET /crm/{v}/settings/recycle_bin", c => c.Scopes.HasSettings("recycle_bin"), ListAsync));
        crm.MapGet("/settings/recycle_bin/{id}", pipeline.Wrap("GET /crm/{v}/settings/recycle_bin/{id}", c => c.Scopes.HasSettings("recycle_bin"), ListAsync));
        crm.MapDelete("/settings/recycle_bin", pipeline.Wrap("DELETE /crm/{v}/settings/recycle_bin", c => c.Scopes.HasSettings("recycle_bin", "DELETE"), PurgeAsync));
        crm.MapDelete("/settings/recycle_bin/{id}", pipeline.Wrap("DELETE /crm/{v}/settings/recycle_bin/{id}", c => c.Scopes.HasSettings("recycle_bin", "DELETE"), PurgeAsync));
    }

    private static IEnumerable<SimRecord> InBin(CrmContext ctx) =>
        ctx.Org.Stores.SelectMany(s => s.Where(r => r.State == RecordState.Recycled && !ctx.Org.IsExpiredFromBin(r)));

    /// <summary>The ids of a path or an <c>ids</c> parameter (the path wins, then <c>ids</c>, then <c>filters</c>).</summary>
    private static HashSet<long>? WantedIds(CrmContext ctx)
    {
        var single = ctx.Route("id");
        var text = single.Length > 0 ? single : ctx.Param("ids");
        return text is null
            ? null
            : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => RecordsApi.TryParseId(t, out var id) ? id : -1)];
    }

    private static async Task ListAsync(CrmContext ctx)
    {
        if (ctx.Version < FirstVersion)
        {
            await ZohoResponses.InvalidUrlAsync(ctx.Http);
            return;
        }

        if (!await ctx.ChargeAsync(1))
        {
            return;
        }

        var error = Paging.TryParse(ctx, string.Empty, allowToken: false, out var paging);
        var sortBy = ctx.Param("sort_by") ?? "deleted_time";
        var sortOrder = ctx.Param("sort_order") ?? "desc";
        error ??= sortBy is "deleted_time" or "display_name" or "deleted_by" ? null : ApiError.InvalidData("sort_by", "the sort_by given seems to be invalid");
        error ??= sortOrder is "asc" or "desc" ? null : ApiError.InvalidData("sort_order", "the sort_order given seems to be invalid");
        var wanted = WantedIds(ctx);
        RecycleBinFilter? filter = null;
        if (error is null && wanted is null && ctx.Param("filters") is { } filtersText)
        {
            error = RecycleBinFilter.TryParse(filtersText, out filter);
        }

        if (error is not null)
        {
            await error.WriteAsync(ctx.Http);
            return;
        }

        var all = InBin(ctx).Where(r => (wanted is null || wanted.Contains(r.Id)) && (filter is null || filter.Matches(r))).ToList();
        Func<SimRecord, IComparable> key = sortBy switch
        {
            "display_name" => r => r.DisplayName,
            "deleted_by" => r => r.Deletion?.User.Name ?? string.Empty,
            _ => r => r.DeletedUnix,
        };
        all = sortOrder == "asc"
            ? [.. all.OrderBy(key).ThenBy(r => r.Id)]
            : [.. all.OrderByDescending(key).ThenByDescending(r => r.Id)];
        var page = all.Skip(paging.Skip).Take(paging.PerPage).ToList();
        if (page.Count == 0)
        {
            await ZohoResponses.NoContent(ctx.Http);
            return;
        }

        var org = ctx.Org;
        await ZohoResponses.WriteJsonAsync(ctx.Http, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("recycle_bin");
            foreach (var r in page)
            {
                w.WriteStartObject();
                MetadataApi.WriteUser(w, "owner", r.Get("Owner") as LookupRef ?? org.Users[0]);
                w.WriteStartObject("module");
                w.WriteString("api_name", r.Schema.ApiName);
                w.WriteString("id", RecordJsonWriter.Id(org.ModuleId(r.Schema)));
                w.WriteEndObject();
                MetadataApi.WriteUser(w, "deleted_by", r.Deletion?.User ?? org.Users[0]);
                w.WriteString("id", RecordJsonWriter.Id(r.Id));
                w.WriteString("display_name", r.DisplayName);
                w.WritePropertyName("deleted_time");
                RecordJsonWriter.WriteDateTime(w, r.DeletedUnix, org.Offset);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            RecordResponses.WriteInfo(w, ctx, new ListInfo(paging.PerPage, page.Count, paging.Page, all.Count > paging.Skip + page.Count, null, null, null, null));
            w.WriteEndObject();
        });
    }

    private static async Task PurgeAsync(CrmContext ctx)
    {
        if (ctx.Version < FirstVersion)
        {
            await ZohoResponses.InvalidUrlAsync(ctx.Http);
            return;
        }

        if (!await ctx.ChargeAsync(1))
        {
            return;
        }

        var single = ctx.Route("id");
        var idsText = single.Length > 0 ? single : ctx.Param("ids");
        List<string> ids;
        if (idsText is null)
        {
            ids = [.. InBin(ctx).Select(r => RecordJsonWriter.Id(r.Id))];
        }
        else
        {
            ids = [.. idsText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            if (ids.Count == 0)
            {
                await ZohoResponses.RequiredParamMissingAsync(ctx.Http, "ids");
                return;
            }

            if (ids.Count > 100)
            {
                await ZohoResponses.ErrorAsync(ctx.Http, 400, "LIMIT_EXCEEDED", "the number of ids exceeds the limit of 100", d =>
                {
                    d.WriteString("param_name", "ids");
                    d.WriteNumber("limit", 100);
                });
                return;
            }
        }

        var results = ids.Select(text => (Id: text, Ok: RecordsApi.TryParseId(text, out var id) && ctx.Org.Bin.Purge(id, ctx.Call))).ToList();
        var status = results.All(r => r.Ok) ? 200 : 207;
        await ZohoResponses.WriteJsonAsync(ctx.Http, status, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            foreach (var (id, ok) in results)
            {
                if (ok)
                {
                    ZohoResponses.WriteErrorObject(w, "SUCCESS", "record deleted permanently", d => d.WriteString("id", id), "success");
                }
                else
                {
                    ZohoResponses.WriteErrorObject(w, "INVALID_DATA", "the id given seems to be invalid", d => d.WriteString("id", id));
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
