using System.Text.Json;
using ZohoCrm.Simulator.Limits;
using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Apis;

/// <summary>Org, modules, fields and related-lists metadata (reference section 8).</summary>
internal static class MetadataApi
{
    public static void MapMetadataApi(this IEndpointRouteBuilder crm, CrmPipeline pipeline)
    {
        crm.MapGet("/org", pipeline.Wrap("GET /crm/{v}/org", c => c.Scopes.HasOrg(c.Options.AcceptOrgReadScope), OrgAsync));
        crm.MapGet("/settings/modules", pipeline.Wrap("GET /crm/{v}/settings/modules", c => c.Scopes.HasSettings("modules"), ModulesAsync));
        crm.MapGet("/settings/modules/{module}", pipeline.Wrap("GET /crm/{v}/settings/modules/{module}", c => c.Scopes.HasSettings("modules"), ModulesAsync));
        crm.MapGet("/settings/fields", pipeline.Wrap("GET /crm/{v}/settings/fields", c => c.Scopes.HasSettings("fields"), FieldsAsync));
        crm.MapGet("/settings/related_lists", pipeline.Wrap("GET /crm/{v}/settings/related_lists", c => c.Scopes.HasSettings("related_lists"), RelatedListsAsync));
    }

    private static async Task OrgAsync(CrmContext ctx)
    {
        if (!await ctx.ChargeAsync(1))
        {
            return;
        }

        var org = ctx.Org;
        var paid = org.Edition != ZohoEdition.Free;
        await ZohoResponses.WriteJsonAsync(ctx.Http, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("org");
            w.WriteStartObject();
            w.WriteString("country", org.DataCenter == "EU" ? "DE" : org.DataCenter);
            w.WriteBoolean("mc_status", false);
            w.WriteBoolean("gapps_enabled", false);
            w.WriteString("id", RecordJsonWriter.Id(org.NumericId));
            w.WriteNull("state");
            w.WriteString("employee_count", "154");
            w.WriteString("website", "www.zylker.example");
            w.WriteString("currency_symbol", "$");
            w.WriteNull("mobile");
            w.WriteString("currency_locale", "en_US");
            w.WriteString("primary_zuid", RecordJsonWriter.Id(org.NumericId / 1_000_000_000_000L));
            w.WriteString("zgid", org.OrgId);
            w.WriteString("country_code", org.DataCenter == "EU" ? "DE" : "US");
            w.WriteString("time_zone", org.DataCenter == "EU" ? "Europe/Berlin" : "America/New_York");
            w.WriteStartObject("license_details");
            w.WriteNull("paid_expiry");
            w.WriteNumber("users_license_purchased", org.Spec.UserLicenses);
            w.WriteNull("trial_type");
            w.WriteNull("trial_expiry");
            w.WriteBoolean("paid", paid);
            w.WriteString("paid_type", EditionLimits.PaidType(org.Edition));
            w.WriteEndObject();
            w.WriteString("company_name", "Zylker " + org.OrgId);
            w.WriteBoolean("privacy_settings", org.PrivacyOn);
            w.WriteString("primary_email", org.Users[0].Email);
            w.WriteString("iso_code", "USD");
            if (ctx.Version >= 8)
            {
                w.WriteString("type", "production");
                w.WriteNumber("max_per_page", Paging.MaxPerPage);
                w.WriteBoolean("hipaa_compliance_enabled", false);
            }

            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task ModulesAsync(CrmContext ctx)
    {
        var name = ctx.Route("module");
        IReadOnlyList<ModuleSchema> modules = [.. Schemas.All.Where(s => !s.IsRelatedOnly)];
        if (name.Length > 0)
        {
            modules = [.. modules.Where(s => s.ApiName == name)];
            if (modules.Count == 0)
            {
                await ZohoResponses.InvalidModuleAsync(ctx.Http);
                return;
            }
        }

        if (!await ctx.ChargeAsync(1))
        {
            return;
        }

        await ZohoResponses.WriteJsonAsync(ctx.Http, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("modules");
            foreach (var s in modules)
            {
                w.WriteStartObject();
                w.WriteString("api_name", s.ApiName);
                w.WriteString("module_name", s.ApiName);
                w.WriteString("singular_label", s.Singular);
                w.WriteString("plural_label", s.ApiName.Replace('_', ' '));
                w.WriteString("id", RecordJsonWriter.Id(ctx.Org.ModuleId(s)));
                w.WriteBoolean("api_supported", true);
                w.WriteString("generated_type", "default");
                w.WriteBoolean("creatable", !s.IsPseudo);
                w.WriteBoolean("deletable", !s.IsPseudo);
                w.WriteBoolean("viewable", true);
                w.WriteBoolean("visible", true);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task FieldsAsync(CrmContext ctx)
    {
        var name = ctx.Param("module");
        if (string.IsNullOrEmpty(name))
        {
            await ZohoResponses.RequiredParamMissingAsync(ctx.Http, "module");
            return;
        }

        var target = ModuleTarget.Resolve(ctx, name);
        if (target is null)
        {
            await ZohoResponses.InvalidModuleAsync(ctx.Http);
            return;
        }

        if (!await ctx.ChargeAsync(1))
        {
            return;
        }

        var schema = target.Schema;
        var restricted = target.Store?.Restricted;
        await ZohoResponses.WriteJsonAsync(ctx.Http, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("fields");
            foreach (var f in schema.Fields.Where(f => !f.IsSystem))
            {
                w.WriteStartObject();
                w.WriteString("api_name", f.ApiName);
                w.WriteString("field_label", f.Label);
                w.WriteString("display_label", f.Label);
                w.WriteString("data_type", f.DataType);
                w.WriteString("json_type", f.JsonType);
                w.WriteString("id", RecordJsonWriter.Id(ctx.Org.FieldId(schema, f)));
                w.WriteBoolean("custom_field", false);
                w.WriteBoolean("visible", true);
                w.WriteBoolean("read_only", f.ReadOnly);
                w.WriteNumber("length", f.Kind == FieldKind.TextArea ? 32000 : f.IsEmail ? 100 : 255);
                w.WriteNull("crypt");
                w.WriteStartObject("lookup");
                if (f.LookupModule is not null && Schemas.ByName.TryGetValue(f.LookupModule, out var target))
                {
                    w.WriteString("display_label", f.Label);
                    w.WriteString("api_name", f.ApiName);
                    w.WriteStartObject("module");
                    w.WriteString("api_name", target.ApiName);
                    w.WriteString("id", RecordJsonWriter.Id(ctx.Org.ModuleId(target)));
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                if (ctx.Org.PrivacyOn && restricted is not null && restricted[f.Ordinal])
                {
                    RecordResponses.WritePrivate(w);
                }
                else
                {
                    w.WriteNull("private");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task RelatedListsAsync(CrmContext ctx)
    {
        var name = ctx.Param("module");
        if (string.IsNullOrEmpty(name))
        {
            await ZohoResponses.RequiredParamMissingAsync(ctx.Http, "module");
            return;
        }

        if (!ctx.Org.TryGetStore(name, out var store) || store.Schema.IsRelatedOnly)
        {
            await ZohoResponses.InvalidModuleAsync(ctx.Http);
            return;
        }

        if (!await ctx.ChargeAsync(1))
        {
            return;
        }

        var schema = store.Schema;
        var lists = RelatedLists.For(schema.ApiName);
        await ZohoResponses.WriteJsonAsync(ctx.Http, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("related_lists");
            for (var i = 0; i < lists.Count; i++)
            {
                var rl = lists[i];
                w.WriteStartObject();
                w.WriteString("id", RecordJsonWriter.Id(ctx.Org.RelatedListId(schema, i)));
                w.WriteString("sequence_number", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("display_label", rl.DisplayLabel);
                w.WriteString("api_name", rl.ApiName);
                w.WriteStartObject("module");
                var targetName = rl.TargetModule ?? rl.ApiName;
                w.WriteString("api_name", targetName);
                if (Schemas.ByName.TryGetValue(targetName, out var target))
                {
                    w.WriteString("id", RecordJsonWriter.Id(ctx.Org.ModuleId(target)));
                }
                else
                {
                    w.WriteNull("id");
                }

                w.WriteEndObject();
                w.WriteString("name", rl.DisplayLabel);
                if (rl.Kind == RelatedKind.NotReadable)
                {
                    w.WriteNull("href");
                }
                else
                {
                    w.WriteString("href", schema.ApiName + "/{ENTITYID}/" + rl.ApiName);
                }

                w.WriteString("type", "default");
                w.WriteBoolean("visible", true);
                w.WriteNull("connectedmodule");
                w.WriteNull("linkingmodule");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    internal static void WriteUser(Utf8JsonWriter w, string property, LookupRef user)
    {
        w.WriteStartObject(property);
        w.WriteString("name", user.Name);
        w.WriteString("id", RecordJsonWriter.Id(user.Id));
        w.WriteEndObject();
    }
}
