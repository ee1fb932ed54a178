using System.Text.Json;

namespace ZohoCrm.Client;

/// <summary>Builds the client's models from Zoho's JSON, tolerating missing fields and wrong types (they read as absent).</summary>
internal static class ZohoModelReader
{
    public static ZohoOrg Org(JsonElement org)
    {
        JsonElement? license = ZohoJson.GetObject(org, "license_details");
        long? users = license is JsonElement l ? ZohoJson.GetInt64(l, "users_license_purchased") : null;
        return new ZohoOrg(
            ZohoJson.GetString(org, "id") ?? string.Empty,
            ZohoJson.GetString(org, "company_name"),
            ZohoJson.GetBool(org, "privacy_settings"),
            license is JsonElement lic ? ZohoJson.GetString(lic, "paid_type") : null,
            users is long u ? (int)Math.Clamp(u, 0, int.MaxValue) : null);
    }

    public static List<ZohoField> Fields(JsonElement fields)
    {
        var list = new List<ZohoField>(fields.GetArrayLength());
        foreach (JsonElement field in fields.EnumerateArray())
        {
            if (ZohoJson.GetString(field, "api_name") is not string apiName)
            {
                continue;
            }

            ZohoFieldPrivacy? privacy = ZohoJson.GetObject(field, "private") is JsonElement p
                ? new ZohoFieldPrivacy(ZohoJson.GetBool(p, "restricted"), ZohoJson.GetString(p, "type"), ZohoJson.GetBool(p, "export"))
                : null;
            list.Add(new ZohoField(apiName, ZohoJson.GetString(field, "data_type") ?? string.Empty, privacy, ModuleOf(field, "lookup")));
        }

        return list;
    }

    public static List<ZohoRelatedList> RelatedLists(JsonElement lists)
    {
        var list = new List<ZohoRelatedList>(lists.GetArrayLength());
        foreach (JsonElement item in lists.EnumerateArray())
        {
            if (ZohoJson.GetString(item, "api_name") is not string apiName)
            {
                continue;
            }

            string? target = ZohoJson.GetObject(item, "module") is JsonElement m ? ZohoJson.GetString(m, "api_name") : ZohoJson.GetString(item, "module");
            list.Add(new ZohoRelatedList(apiName, target, ZohoJson.GetString(item, "display_label"), ZohoJson.GetBool(item, "visible", fallback: true)));
        }

        return list;
    }

    /// <summary>A record: its <c>id</c> and a copy of its JSON, independent of the page it came in.</summary>
    public static ZohoRecord Record(JsonElement item) => new(ZohoJson.GetString(item, "id") ?? string.Empty, item.Clone());

    public static ZohoDeletedRecord DeletedRecord(JsonElement item) => new(
        ZohoJson.GetString(item, "id") ?? string.Empty,
        ZohoJson.GetString(item, "type") ?? string.Empty,
        ZohoJson.GetDateTime(item, "deleted_time"));

    /// <summary>
    /// One outcome per id sent: Zoho's <c>data[i]</c> (matched by <c>details.id</c>, else by position), and
    /// <see cref="ZohoDeleteResult.NoResultCode"/> for any id the answer did not mention.
    /// </summary>
    public static List<ZohoDeleteResult> DeleteResults(JsonElement data, IReadOnlyCollection<string> ids)
    {
        string[] sent = [.. ids];
        var results = new List<ZohoDeleteResult>(sent.Length);
        var answered = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (JsonElement item in data.EnumerateArray())
        {
            string? id = ZohoJson.GetObject(item, "details") is JsonElement details ? ZohoJson.GetString(details, "id") : null;
            id ??= index < sent.Length ? sent[index] : string.Empty;
            index++;
            answered.Add(id);
            results.Add(new ZohoDeleteResult(
                id,
                ZohoJson.GetString(item, "code") ?? ZohoDeleteResult.NoResultCode,
                ZohoJson.GetString(item, "status") ?? "error",
                ZohoExcerpt.Sanitize(ZohoJson.GetString(item, "message"))));
        }

        foreach (string id in sent.Where(id => !answered.Contains(id)))
        {
            results.Add(new ZohoDeleteResult(id, ZohoDeleteResult.NoResultCode, "error", "Zoho returned no result for this record."));
        }

        return results;
    }

    private static string? ModuleOf(JsonElement field, string name)
    {
        if (ZohoJson.GetObject(field, name) is not JsonElement lookup)
        {
            return null;
        }

        return ZohoJson.GetObject(lookup, "module") is JsonElement module ? ZohoJson.GetString(module, "api_name") : ZohoJson.GetString(lookup, "module");
    }
}
