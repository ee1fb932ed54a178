using System.Globalization;
using Microsoft.Net.Http.Headers;
using ZohoCrm.Simulator.Model;
using ZohoCrm.Simulator.Seeding;
using ZohoCrm.Simulator.Storage;

namespace ZohoCrm.Simulator.Apis;

/// <summary>
/// Related lists of a record (reference section 5), and the note and attachment endpoints under a record (section 13):
/// download an attachment, delete a note or an attachment of the record.
/// </summary>
internal static class RelatedRecordsApi
{
    public static void MapRelatedRecordsApi(this IEndpointRouteBuilder crm, CrmPipeline pipeline)
    {
        crm.MapGet("/{module}/{id}/{relatedList}", pipeline.Wrap("GET /crm/{v}/{module}/{id}/{related_list}", null, RelatedAsync));
        crm.MapGet("/{module}/{id}/{relatedList}/{relatedId}", pipeline.Wrap("GET /crm/{v}/{module}/{id}/Attachments/{attachment_id}", null, DownloadAsync));
        crm.MapDelete("/{module}/{id}/{relatedList}/{relatedId}", pipeline.Wrap("DELETE /crm/{v}/{module}/{id}/{related_list}/{related_id}", null, DeleteRelatedAsync));
    }

    private static async Task RelatedAsync(CrmContext ctx)
    {
        if (await ModuleTarget.AuthorizeAsync(ctx, "READ", storedOnly: true) is not { Store: { } parentStore })
        {
            return;
        }

        var relationName = ctx.Route("relatedList");
        var relation = RelatedLists.For(parentStore.Schema.ApiName).FirstOrDefault(r => r.ApiName == relationName);
        if (relation is null || relation.Kind == RelatedKind.NotReadable)
        {
            await InvalidRelationAsync(ctx);
            return;
        }

        if (IsNotesOrAttachments(relation) && !ctx.Scopes.HasModule(Schemas.ByName[relation.TargetModule!].ScopeName, "READ"))
        {
            await ZohoResponses.ScopeMismatchAsync(ctx.Http);
            return;
        }

        if (!await ctx.ChargeAsync(1))
        {
            return;
        }

        var parent = RecordsApi.TryParseId(ctx.Route("id"), out var id) ? parentStore.Find(id) : null;
        if (parent is not { IsLive: true })
        {
            await RecordsApi.UnknownIdAsync(ctx);
            return;
        }

        IReadOnlyList<ModuleStore> stores = relation.Kind switch
        {
            RelatedKind.Lookup => [ctx.Org.Store(relation.TargetModule!)],
            RelatedKind.OpenActivities or RelatedKind.ClosedActivities => [.. ModuleTarget.ActivityModules.Select(ctx.Org.Store)],
            _ => [],
        };
        IReadOnlyList<ModuleSchema> schemas = stores.Count == 0 ? [Schemas.ByName[Schemas.Notes]] : [.. stores.Select(s => s.Schema)];
        var allowToken = ctx.Version >= 3 || ctx.Options.V2DiscretePaginationLimit;
        var binding = PageToken.Bind(ctx.Org.OrgId, parentStore.Schema.ApiName, parent.Id.ToString(CultureInfo.InvariantCulture), relationName, ctx.Param("fields"));
        var pagingError = Paging.TryParse(ctx, binding, allowToken, out var paging);
        var error = FieldSelection.TryParse(ctx, schemas, required: ctx.Version >= 3, out var fields) ?? pagingError;
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

        var now = ctx.Org.Now.ToUnixTimeSeconds();
        var all = new List<SimRecord>();
        foreach (var store in stores)
        {
            var field = store.Schema.Field(relation.LookupField!);
            foreach (var r in store.ByLookup(field, parent.Id))
            {
                if (!r.IsLive)
                {
                    continue;
                }

                if (relation.Kind == RelatedKind.OpenActivities && !IsOpenActivity(r, now))
                {
                    continue;
                }

                if (relation.Kind == RelatedKind.ClosedActivities && IsOpenActivity(r, now))
                {
                    continue;
                }

                all.Add(r);
            }
        }

        all.Sort(static (a, b) => b.Id.CompareTo(a.Id));
        var skip = paging.Token?.Position ?? paging.Skip;
        var page = all.Skip(skip).Take(paging.PerPage).ToList();
        if (page.Count == 0)
        {
            await ZohoResponses.NoContent(ctx.Http);
            return;
        }

        var more = all.Count > skip + page.Count;
        var info = RecordsApi.MakeInfo(ctx, paging, page, more, allowToken, binding, skip + page.Count, "id", true);
        var activityRows = relation.Kind is RelatedKind.OpenActivities or RelatedKind.ClosedActivities;
        await RecordResponses.WriteRecordsAsync(ctx, page, fields, info, stores, activityRows);
    }


    internal static bool IsOpenActivity(SimRecord r, long nowUnix) => r.Schema.ApiName switch
    {
        Schemas.Tasks => !string.Equals(r.Get("Status") as string, "Completed", StringComparison.Ordinal),
        Schemas.Calls => string.Equals(r.Get("Call_Status") as string, "Scheduled", StringComparison.Ordinal),
        Schemas.Events => r.Get("End_DateTime") is long end && end >= nowUnix,
        _ => false,
    };

    /// <summary><c>GET /{module}/{id}/Attachments/{attachment_id}</c>: the file's bytes; a link answers DOWNLOAD_NOT_ALLOWED.</summary>
    private static async Task DownloadAsync(CrmContext ctx)
    {
        if (await AuthorizeChildAsync(ctx, "READ", [Schemas.Attachments]) is not { } parentStore)
        {
            return;
        }

        if (!await ctx.ChargeAsync(1))
        {
            return;
        }

        if (await LiveParentAsync(ctx, parentStore) is not { } parent)
        {
            return;
        }

        var text = ctx.Route("relatedId");
        if (Child(ctx, Schemas.Attachments, parent, text) is not { } attachment)
        {
            await ZohoResponses.ErrorAsync(ctx.Http, 400, "INVALID_DATA", "the id given seems to be invalid", d =>
            {
                d.WriteNumber("resource_path_index", 3);
                d.WriteString("id", text);
            });
            return;
        }

        if (attachment.Get("$link_url") is string)
        {
            await ZohoResponses.ErrorAsync(ctx.Http, 400, "DOWNLOAD_NOT_ALLOWED", "a link attachment has no file to download", d => d.WriteString("id", text));
            return;
        }

        var bytes = ctx.Org.AttachmentContent(attachment);
        var fileName = attachment.Get("File_Name") as string ?? "attachment";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        ctx.Http.Response.StatusCode = 200;
        ctx.Http.Response.ContentType = SyntheticFile.ContentType(fileName);
        ctx.Http.Response.ContentLength = bytes.Length;
        ctx.Http.Response.Headers.ContentDisposition = disposition.ToString();
        await ctx.Http.Response.Body.WriteAsync(bytes, ctx.Http.RequestAborted);
    }

    /// <summary><c>DELETE /{module}/{id}/Notes/{note_id}</c> and <c>DELETE /{module}/{id}/Attachments/{attachment_id}</c>.</summary>
    private static async Task DeleteRelatedAsync(CrmContext ctx)
    {
        if (await AuthorizeChildAsync(ctx, "DELETE", [Schemas.Notes, Schemas.Attachments]) is not { } parentStore)
        {
            return;
        }

        if (!await ctx.ChargeAsync(1))
        {
            return;
        }

        if (await LiveParentAsync(ctx, parentStore) is not { } parent)
        {
            return;
        }

        var module = ctx.Route("relatedList");
        var text = ctx.Route("relatedId");
        var outcome = Child(ctx, module, parent, text) is { } child
            ? ctx.Org.Bin.Delete(ctx.Org.Store(module), child.Id, ctx.Call)
            : DeleteOutcome.NotFound;
        await RecordsApi.WriteSingleDeleteAsync(ctx, text, outcome, pathIndex: 3);
    }

    /// <summary>
    /// Checks the parent module (<paramref name="action"/> scope), that the related list is one of
    /// <paramref name="lists"/> (another list of the module has no such endpoint: INVALID_URL_PATTERN) and the list's
    /// own module scope; null when an error was written.
    /// </summary>
    private static async Task<ModuleStore?> AuthorizeChildAsync(CrmContext ctx, string action, string[] lists)
    {
        if (await ModuleTarget.AuthorizeAsync(ctx, action, storedOnly: true) is not { Store: { } parentStore })
        {
            return null;
        }

        var name = ctx.Route("relatedList");
        var relation = RelatedLists.For(parentStore.Schema.ApiName).FirstOrDefault(r => r.ApiName == name);
        if (relation is null || relation.Kind == RelatedKind.NotReadable)
        {
            await InvalidRelationAsync(ctx);
            return null;
        }

        if (!lists.Contains(relation.ApiName, StringComparer.Ordinal))
        {
            await ZohoResponses.InvalidUrlAsync(ctx.Http);
            return null;
        }

        if (!ctx.Scopes.HasModule(Schemas.ByName[relation.TargetModule!].ScopeName, action))
        {
            await ZohoResponses.ScopeMismatchAsync(ctx.Http);
            return null;
        }

        return parentStore;
    }

    private static async Task<SimRecord?> LiveParentAsync(CrmContext ctx, ModuleStore parentStore)
    {
        if (RecordsApi.TryParseId(ctx.Route("id"), out var id) && parentStore.Find(id) is { IsLive: true } parent)
        {
            return parent;
        }

        await RecordsApi.UnknownIdAsync(ctx);
        return null;
    }

    /// <summary>The live note or attachment <paramref name="text"/> of <paramref name="parent"/>, or null.</summary>
    private static SimRecord? Child(CrmContext ctx, string module, SimRecord parent, string text) =>
        RecordsApi.TryParseId(text, out var id)
        && ctx.Org.Store(module).Find(id) is { IsLive: true } child
        && child.Get("Parent_Id") is LookupRef owner && owner.Id == parent.Id
            ? child
            : null;

    private static bool IsNotesOrAttachments(RelatedListDef relation) =>
        relation.TargetModule is Schemas.Notes or Schemas.Attachments;

    private static Task InvalidRelationAsync(CrmContext ctx) =>
        ZohoResponses.ErrorAsync(ctx.Http, 400, "INVALID_DATA", "The relation name given seems to be invalid",
            d => d.WriteNumber("resource_path_index", 2));
}
