using System.Globalization;
using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Apis;

/// <summary>v7+ recycle bin: list, and permanent deletion of recycled records (reference section 6).</summary>
internal static class RecycleBinApi
{
    public const int FirstVersion = 7;

    public static void MapRecycleBinApi(this IEndpointRouteBuilder crm, CrmPipeline pipeline)
    {
        crm.MapGet("/settings/recycle_bin", pipeline.Wrap("GET /crm/{v}/settings/recycle_bin", c => c.Scopes.HasSettings("recycle_bin"), ListAsync));
        crm.MapDelete("/settings/recycle_bin", pipeline.Wrap("DELETE /crm/{v}/settings/recycle_bin", c => c.Scopes.HasSettings("recycle_bin", "DELETE"), PurgeAsync));
        crm.MapDelete("/settings/recycle_bin/{id}", pipeline.Wrap("DELETE /crm/{v}/settings/recycle_bin/{id}", c => c.Scopes.HasSettings("recycle_bin", "DELETE"), PurgeAsync));
    }

    private static IEnumerable<SimRecord> InBin(CrmContext ctx, string? module) =>
        ctx.Org.Stores.Where(s => module is null || s.Schema.ApiName == module)
            .SelectMany(s => s.Where(r => r.State == RecordState.Recycled && !ctx.Org.IsExpiredFromBin(r)));

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
        if (error is not null)
        {
            await error.WriteAsync(ctx.Http);
            return;
        }

        var all = InBin(ctx, ctx.Param("module")).OrderByDescending(r => r.DeletedUnix).ThenByDescending(r => r.Id).ToList();
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
                w.WriteString("display_name", r.DisplayName);
                w.WritePropertyName("deleted_time");
                RecordJsonWriter.WriteDateTime(w, r.DeletedUnix, org.Offset);
                w.WriteStartObject("module");
                w.WriteString("api_name", r.Schema.ApiName);
                w.WriteString("id", RecordJsonWriter.Id(org.ModuleId(r.Schema)));
                w.WriteEndObject();
                MetadataApi.WriteUser(w, "deleted_by", org.Users[0]);
                w.WriteString("id", RecordJsonWriter.Id(r.Id));
                MetadataApi.WriteUser(w, "owner", r.Get("Owner") as LookupRef ?? org.Users[0]);
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
            ids = [.. InBin(ctx, null).Select(r => RecordJsonWriter.Id(r.Id))];
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

        var results = new List<(string Id, bool Ok)>();
        foreach (var text in ids)
        {
            var ok = false;
            if (RecordsApi.TryParseId(text, out var id))
            {
                foreach (var store in ctx.Org.Stores)
                {
                    if (store.Find(id) is { } r && !ctx.Org.IsExpiredFromBin(r) && store.Purge(id))
                    {
                        ok = true;
                        break;
                    }
                }
            }

            results.Add((text, ok));
        }

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

    internal static string Format(long id) => id.ToString(CultureInfo.InvariantCulture);
}
