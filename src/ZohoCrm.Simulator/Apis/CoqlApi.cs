using System.Text.Json;
using ZohoCrm.Simulator.Model;
using ZohoCrm.Simulator.Query;

namespace ZohoCrm.Simulator.Apis;

/// <summary><c>POST /crm/{v}/coql</c> (reference section 7): exact, immediate, counted against sub-concurrency.</summary>
internal static class CoqlApi
{
    public static void MapCoqlApi(this IEndpointRouteBuilder crm, CrmPipeline pipeline) =>
        crm.MapPost("/coql", pipeline.Wrap("POST /crm/{v}/coql", HasScopes, QueryAsync, complex: true));

    private static bool HasScopes(CrmContext ctx) =>
        ctx.Scopes.HasCoql()
        && (!ctx.Options.CoqlRequiresFieldsScopeFromV7 || ctx.Version < 7 || ctx.Scopes.HasSettings("fields"));

    private static async Task QueryAsync(CrmContext ctx)
    {
        string? text;
        try
        {
            using var body = await JsonDocument.ParseAsync(ctx.Http.Request.Body, default, ctx.Http.RequestAborted);
            text = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("select_query", out var q)
                && q.ValueKind == JsonValueKind.String ? q.GetString() : null;
        }
        catch (JsonException)
        {
            await ZohoResponses.ErrorAsync(ctx.Http, 400, "INVALID_DATA", "the request body is not valid JSON", d => d.WriteString("param_name", "select_query"));
            return;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            await ZohoResponses.RequiredParamMissingAsync(ctx.Http, "select_query");
            return;
        }

        CoqlQuery query;
        try
        {
            var maxLimit = ctx.Version >= 3 ? 2_000 : ctx.Options.CoqlV2MaxLimit;
            query = CoqlParser.Parse(text, maxLimit, ctx.Options.CoqlMaxOffsetPlusLimit);
            var store = ctx.Org.Store(query.From.ApiName);
            foreach (var leaf in query.Where.Leaves())
            {
                if (leaf.Field != CoqlParser.IdField && ctx.Org.IsRestricted(store, leaf.Field!))
                {
                    throw QueryException.Restricted(leaf.Field!.ApiName);
                }

                if (ctx.Options.CoqlRefusesLikeOnEmailFields && leaf.Field!.IsEmail && leaf.Operator is "like" or "not like")
                {
                    throw QueryException.Invalid(new("column_name", leaf.Field.ApiName), new("clause", "where"));
                }
            }
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

        if (!ctx.Scopes.HasModule(query.From.ScopeName, "READ"))
        {
            await ZohoResponses.ScopeMismatchAsync(ctx.Http);
            return;
        }

        if (!await ctx.ChargeAsync(query.Limit <= 200 ? 1 : query.Limit <= 1_000 ? 2 : 3))
        {
            return;
        }

        var target = ctx.Org.Store(query.From.ApiName);
        var offset = ctx.Org.Offset;
        List<SimRecord> rows;
        bool more;
        var candidates = CoqlEvaluator.Candidates(query.Where, target);
        var byIdOnly = query.OrderBy.Count == 0 || (query.OrderBy.Count == 1 && query.OrderBy[0].Field == CoqlParser.IdField);
        var descending = query.OrderBy.Count == 1 && query.OrderBy[0].Descending;
        if (candidates is null && byIdOnly)
        {
            rows = target.Page(r => CoqlEvaluator.Matches(query.Where, r, offset), query.Offset, query.Limit, descending, out more);
        }
        else
        {
            var source = candidates ?? target.Where(static r => r.IsLive);
            var seen = new HashSet<long>();
            var all = source.Where(r => r.IsLive && seen.Add(r.Id) && CoqlEvaluator.Matches(query.Where, r, offset)).ToList();
            all.Sort((a, b) => CompareRows(a, b, query, offset));
            rows = [.. all.Skip(query.Offset).Take(query.Limit)];
            more = all.Count > query.Offset + rows.Count;
        }

        if (rows.Count == 0 && ctx.Options.CoqlNoRowsIs204)
        {
            await ZohoResponses.NoContent(ctx.Http);
            return;
        }

        var includePrivate = RecordResponses.IncludePrivate(ctx);
        var view = new RecordView
        {
            Version = ctx.Version,
            Fields = query.Select,
            Hidden = RecordResponses.Hidden(ctx, target, includePrivate),
            Offset = offset,
            LookupNames = false,
        };
        await ZohoResponses.WriteJsonAsync(ctx.Http, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("data");
            foreach (var row in rows)
            {
                RecordJsonWriter.Write(w, row, view);
            }

            w.WriteEndArray();
            w.WriteStartObject("info");
            w.WriteNumber("count", rows.Count);
            w.WriteBoolean("more_records", more);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static int CompareRows(SimRecord a, SimRecord b, CoqlQuery query, TimeSpan offset)
    {
        foreach (var (field, descending) in query.OrderBy)
        {
            int c;
            var na = ValueText.Number(a, field);
            var nb = ValueText.Number(b, field);
            c = na is double x && nb is double y
                ? x.CompareTo(y)
                : string.Compare(ValueText.Of(a, field, offset), ValueText.Of(b, field, offset), StringComparison.OrdinalIgnoreCase);
            if (c != 0)
            {
                return descending ? -c : c;
            }
        }

        return a.Id.CompareTo(b.Id);
    }
}
