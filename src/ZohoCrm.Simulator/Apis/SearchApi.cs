using ZohoCrm.Simulator.Model;
using ZohoCrm.Simulator.Query;
using ZohoCrm.Simulator.Storage;

namespace ZohoCrm.Simulator.Apis;

/// <summary>
/// <c>GET /crm/{v}/{module}/search</c> (reference section 4): criteria &gt; email &gt; phone &gt; word; "equals" behaves
/// like contains; at most 2,000 results; records are found only after the index delay.
/// </summary>
internal static class SearchApi
{
    public const int MaxResults = 2_000;

    public static void MapSearchApi(this IEndpointRouteBuilder crm, CrmPipeline pipeline) =>
        crm.MapGet("/{module}/search", pipeline.Wrap("GET /crm/{v}/{module}/search", c => c.Scopes.HasSearch(), SearchAsync));

    private static async Task SearchAsync(CrmContext ctx)
    {
        var target = await ModuleTarget.AuthorizeAsync(ctx, "READ");
        if (target is null)
        {
            return;
        }

        if (target.Store is not { } store || !target.Schema.Searchable)
        {
            await ZohoResponses.ErrorAsync(ctx.Http, 400, "NOT_SUPPORTED", "the module is not supported for search",
                d => d.WriteNumber("resource_path_index", 0));
            return;
        }

        if (!await ctx.ChargeAsync(1))
        {
            return;
        }

        var pagingError = Paging.TryParse(ctx, string.Empty, allowToken: false, out var paging);
        var error = FieldSelection.TryParse(ctx, [store.Schema], required: false, out var fields) ?? pagingError;
        if (error is null && paging.Page * paging.PerPage > MaxResults)
        {
            error = new ApiError(400, "LIMIT_REACHED", "Maximum response iteration limit reached", null);
        }

        if (error is not null)
        {
            await error.WriteAsync(ctx.Http);
            return;
        }

        List<SimRecord> candidates;
        Func<SimRecord, bool> predicate;
        try
        {
            (candidates, predicate) = Plan(ctx, store);
        }
        catch (QueryException ex)
        {
            await ZohoResponses.ErrorAsync(ctx.Http, 400, ex.Code, ex.Message, d =>
            {
                foreach (var (key, value) in ex.Details)
                {
                    d.WriteString(key, value);
                }
            });
            return;
        }
        catch (ApiErrorException ex)
        {
            await ex.Error.WriteAsync(ctx.Http);
            return;
        }

        var visibleBefore = ctx.Org.Now.Subtract(ctx.Options.SearchIndexDelay).ToUnixTimeSeconds();
        var seen = new HashSet<long>();
        var matches = new List<SimRecord>();
        foreach (var r in candidates)
        {
            if (r.IsLive && r.CreatedUnix <= visibleBefore && seen.Add(r.Id) && predicate(r))
            {
                matches.Add(r);
            }
        }

        matches.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        var page = matches.Skip(paging.Skip).Take(paging.PerPage).ToList();
        if (page.Count == 0)
        {
            await ZohoResponses.NoContent(ctx.Http);
            return;
        }

        var info = new ListInfo(paging.PerPage, page.Count, paging.Page, matches.Count > paging.Skip + page.Count, null, null, null, null);
        await RecordResponses.WriteRecordsAsync(ctx, page, fields, info, [store]);
    }

    private static (List<SimRecord> Candidates, Func<SimRecord, bool> Predicate) Plan(CrmContext ctx, ModuleStore store)
    {
        var schema = store.Schema;
        var offset = ctx.Org.Offset;
        if (ctx.Param("criteria") is { } criteria)
        {
            var node = CriteriaParser.Parse(criteria, schema, ctx.Version);
            foreach (var leaf in node.Leaves())
            {
                if (ctx.Org.IsRestricted(store, leaf.Field!))
                {
                    throw QueryException.Restricted(leaf.Field!.ApiName);
                }

                if (leaf.Values.Any(v => v.Trim().Length < 2))
                {
                    throw new ApiErrorException(ApiError.InvalidData("criteria", "the value given in the criteria must have at least 2 characters"));
                }
            }

            var candidates = CriteriaEvaluator.Candidates(node, store) ?? store.Where(static r => r.IsLive);
            return (candidates, r => CriteriaEvaluator.Matches(node, r, offset));
        }

        if (ctx.Param("email") is { } email)
        {
            var value = EmailIndex.Normalize(email);
            if (value.Length < 2)
            {
                throw new ApiErrorException(ApiError.InvalidData("email", "the email given must have at least 2 characters"));
            }

            if (ctx.Options.SearchEmailOnRestrictedFieldFails && schema.EmailFields.FirstOrDefault(f => ctx.Org.IsRestricted(store, f)) is { } restricted)
            {
                throw QueryException.Restricted(restricted.ApiName);
            }

            if (schema.EmailFields.Count == 0)
            {
                return ([], static _ => false);
            }

            return (store.EmailContains(value, prefix: false), static _ => true);
        }

        if (ctx.Param("phone") is { } phone)
        {
            return TextScan(store, phone, FieldKind.Phone, ctx, "phone");
        }

        if (ctx.Param("word") is { } word)
        {
            return TextScan(store, word, null, ctx, "word");
        }

        throw new ApiErrorException(new ApiError(400, "EXPECTED_PARAM_MISSING", "One of the expected parameter is missing", d =>
        {
            d.WriteStartArray("expected_params");
            d.WriteStringValue("criteria");
            d.WriteStringValue("email");
            d.WriteStringValue("phone");
            d.WriteStringValue("word");
            d.WriteEndArray();
        }));
    }

    private static (List<SimRecord>, Func<SimRecord, bool>) TextScan(ModuleStore store, string value, FieldKind? kind, CrmContext ctx, string param)
    {
        var trimmed = value.Trim();
        if (trimmed.Length < 2)
        {
            throw new ApiErrorException(ApiError.InvalidData(param, $"the {param} given must have at least 2 characters"));
        }

        var fields = store.Schema.Fields
            .Where(f => !f.IsSystem && !ctx.Org.IsRestricted(store, f)
                && (kind is null ? f.Kind is FieldKind.Text or FieldKind.Email or FieldKind.Phone or FieldKind.Picklist or FieldKind.TextArea : f.Kind == kind))
            .ToList();
        var offset = ctx.Org.Offset;
        return (store.Where(static r => r.IsLive), r => fields.Any(f => ValueText.Of(r, f, offset)?.Contains(trimmed, StringComparison.OrdinalIgnoreCase) == true));
    }
}
