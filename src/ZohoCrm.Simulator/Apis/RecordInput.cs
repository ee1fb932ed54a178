using System.Globalization;
using System.Text.Json;
using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Apis;

/// <summary>
/// Reads one record of an insert body (<c>{"data":[{...}]}</c>) for a module: field API names as keys, lookups as
/// <c>{"id":"..."}</c> or an id string, date-times ISO 8601 with offset, dates <c>yyyy-MM-dd</c>. Refuses what Zoho
/// would and more (unknown and read-only fields, lookups to records that do not exist), naming the field and its JSON
/// path. Attachments take <c>Parent_Id</c> and either <c>$link_url</c> (a link) or <c>File_Name</c> with optional
/// <c>$content_base64</c> bytes (else synthetic bytes of <c>Size</c>, default 1,024).
/// </summary>
internal static class RecordInput
{
    public const string ContentKey = "$content_base64";
    public const int DefaultFileSize = 1_024;

    private static readonly Dictionary<string, string[]> Mandatory = new(StringComparer.Ordinal)
    {
        [Schemas.Contacts] = ["Last_Name"],
        [Schemas.Leads] = ["Last_Name"],
        [Schemas.Accounts] = ["Account_Name"],
        [Schemas.Deals] = ["Deal_Name"],
        [Schemas.Cases] = ["Subject"],
        [Schemas.Calls] = ["Subject"],
        [Schemas.Tasks] = ["Subject"],
        [Schemas.Events] = ["Event_Title"],
        [Schemas.Quotes] = ["Subject"],
        [Schemas.Invoices] = ["Subject"],
        [Schemas.SalesOrders] = ["Subject"],
        [Schemas.PurchaseOrders] = ["Subject"],
        [Schemas.Vendors] = ["Vendor_Name"],
        [Schemas.Notes] = ["Note_Content", "Parent_Id"],
        [Schemas.Attachments] = ["Parent_Id"],
    };

    /// <summary>Set by the simulator, never by a body.</summary>
    private static readonly HashSet<string> SimulatorOwned = new(StringComparer.Ordinal) { "$file_id", "$type" };

    public static (ParsedRecord? Record, InputError? Error) Parse(SimOrg org, ModuleSchema schema, JsonElement item, int index)
    {
        var path = $"$.data[{index.ToString(CultureInfo.InvariantCulture)}]";
        if (item.ValueKind != JsonValueKind.Object)
        {
            return (null, new InputError("INVALID_DATA", "a record must be a JSON object", path));
        }

        var values = new object?[schema.SlotCount];
        byte[]? content = null;
        string? seModule = null;
        foreach (var property in item.EnumerateObject())
        {
            var name = property.Name;
            var at = path + "." + name;
            if (name == ContentKey && schema.ApiName == Schemas.Attachments)
            {
                content = Base64(property.Value);
                if (content is null)
                {
                    return (null, new InputError("INVALID_DATA", $"{ContentKey} must be a base64 string", at, name, "string"));
                }

                continue;
            }

            if (!schema.TryGetField(name, out var field))
            {
                return (null, new InputError("INVALID_DATA", $"{name} is not a field of {schema.ApiName}", at, name));
            }

            if (field.ReadOnly || SimulatorOwned.Contains(name) || (field.ApiName == "$link_url" && schema.ApiName != Schemas.Attachments))
            {
                return (null, new InputError("INVALID_DATA", $"{name} is read-only", at, name));
            }

            if (name == "$se_module")
            {
                seModule = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                if (seModule is null)
                {
                    return (null, new InputError("INVALID_DATA", "$se_module must be a module API name", at, name, "string"));
                }

                continue;
            }

            var (value, error) = Convert(org, schema, field, property.Value, at);
            if (error is not null)
            {
                return (null, error);
            }

            values[field.Slot] = value;
        }

        return Complete(org, schema, values, content, seModule, path);
    }

    private static (ParsedRecord?, InputError?) Complete(SimOrg org, ModuleSchema schema, object?[] values, byte[]? content, string? seModule, string path)
    {
        foreach (var name in Mandatory.GetValueOrDefault(schema.ApiName) ?? [])
        {
            if (values[schema.Field(name).Slot] is null or "")
            {
                return (null, new InputError("MANDATORY_NOT_FOUND", "required field not found", path + "." + name, name));
            }
        }

        if (schema.TryGetField("$se_module", out var seField))
        {
            var lookup = schema.TryGetField("Parent_Id", out var parentField) ? parentField : schema.Field("What_Id");
            var target = values[lookup.Slot] is LookupRef r ? org.FindAnyModule(RecordJsonWriter.Id(r.Id)) : null;
            if (target is null && seModule is not null)
            {
                return (null, new InputError("INVALID_DATA", $"$se_module needs {lookup.ApiName}", path + ".$se_module", "$se_module"));
            }

            if (target is not null && seModule is not null && seModule != target.Schema.ApiName)
            {
                return (null, new InputError("INVALID_DATA", $"$se_module must be {target.Schema.ApiName}, the module of {lookup.ApiName}", path + ".$se_module", "$se_module"));
            }

            values[seField.Slot] = target?.Schema.ApiName;
        }

        foreach (var field in schema.Fields.Where(f => f.Kind == FieldKind.AutoNumber && f.Slot >= 0))
        {
            values[field.Slot] = GeneratedValue.Number;
        }

        values[schema.Field("Owner").Slot] ??= org.Users[0];
        return schema.ApiName == Schemas.Attachments ? CompleteAttachment(schema, values, content, path) : (new ParsedRecord(values, null), null);
    }

    private static (ParsedRecord?, InputError?) CompleteAttachment(ModuleSchema schema, object?[] values, byte[]? content, string path)
    {
        var link = values[schema.Field("$link_url").Slot] as string;
        var fileName = schema.Field("File_Name");
        var size = schema.Field("Size");
        if (link is not null)
        {
            if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                return (null, new InputError("INVALID_DATA", "$link_url must be an absolute http or https URL", path + ".$link_url", "$link_url", "website"));
            }

            if (content is not null || values[size.Slot] is not null)
            {
                return (null, new InputError("INVALID_DATA", $"a link attachment has no {ContentKey} or Size", path + ".$link_url", "$link_url"));
            }

            values[fileName.Slot] ??= link;
            values[size.Slot] = "0";
            values[schema.Field("$type").Slot] = AttachmentTypes.Link;
            return (new ParsedRecord(values, null), null);
        }

        if (values[fileName.Slot] is null)
        {
            return (null, new InputError("MANDATORY_NOT_FOUND", "required field not found", path + ".File_Name", "File_Name"));
        }

        if (content is not null && values[size.Slot] is not null)
        {
            return (null, new InputError("INVALID_DATA", $"Size comes from {ContentKey}; give one of them", path + ".Size", "Size"));
        }

        if (values[size.Slot] is string sizeText
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 16 * 1024 * 1024))
        {
            return (null, new InputError("INVALID_DATA", "Size must be a whole number of bytes up to 16 MB", path + ".Size", "Size", "integer"));
        }

        values[size.Slot] ??= (content?.Length ?? DefaultFileSize).ToString(CultureInfo.InvariantCulture);
        values[schema.Field("$type").Slot] = AttachmentTypes.File;
        return (new ParsedRecord(values, content), null);
    }

    private static (object? Value, InputError? Error) Convert(SimOrg org, ModuleSchema schema, FieldDef field, JsonElement value, string at)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        InputError Wrong(string type, string? message = null) =>
            new("INVALID_DATA", message ?? $"{field.ApiName} must be {type}", at, field.ApiName, field.DataType);

        switch (field.Kind)
        {
            case FieldKind.Boolean or FieldKind.SystemBoolean:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? (value.GetBoolean(), null) : (null, Wrong("true or false"));
            case FieldKind.Integer:
                return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var l) ? (l, null) : (null, Wrong("a whole number"));
            case FieldKind.Currency:
                return value.ValueKind == JsonValueKind.Number ? (value.GetDouble(), null) : (null, Wrong("a number"));
            case FieldKind.DateTime:
                return value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParseExact(value.GetString(), "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)
                    ? (dt.ToUnixTimeSeconds(), null)
                    : (null, Wrong("an ISO 8601 date-time with offset", $"{field.ApiName} must be a date-time such as 2024-03-01T10:00:00+00:00"));
            case FieldKind.Date:
                return value.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? (value.GetString(), null)
                    : (null, Wrong("a date", $"{field.ApiName} must be a date such as 2024-03-01"));
            case FieldKind.Email:
                var email = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
                var trimmed = email?.Trim();
                return trimmed is { Length: > 2 } && trimmed.IndexOf('@', StringComparison.Ordinal) > 0 && !trimmed.Any(char.IsWhiteSpace)
                    ? (email, null)
                    : (null, Wrong("an email address"));
            case FieldKind.OwnerLookup:
                var ownerId = LookupId(value);
                return org.Users.FirstOrDefault(u => u.Id == ownerId) is { } user
                    ? (user, null)
                    : (null, Wrong("a user", $"{field.ApiName} must name a user of the org by id"));
            case FieldKind.Lookup or FieldKind.MultiModuleLookup:
                return Lookup(org, schema, field, value, Wrong);
            case FieldKind.ConsentLookup or FieldKind.MultiSelectLookup or FieldKind.Tag or FieldKind.UserLookup:
                return (null, Wrong("absent", $"{field.ApiName} cannot be planted through this route"));
            default:
                return value.ValueKind == JsonValueKind.String ? (value.GetString(), null) : (null, Wrong("a string"));
        }
    }

    private static (object?, InputError?) Lookup(SimOrg org, ModuleSchema schema, FieldDef field, JsonElement value, Func<string, string?, InputError> wrong)
    {
        var id = LookupId(value);
        var target = id is long n ? org.FindAnyModule(RecordJsonWriter.Id(n)) : null;
        if (target is not { IsLive: true })
        {
            return (null, wrong("a lookup", $"{field.ApiName} must point at a live record by id ({{\"id\":\"...\"}})"));
        }

        var module = target.Schema.ApiName;
        // What_Id and a note's Parent_Id point at records of the API modules; an attachment may also hang off a note.
        var allowed = field.Kind == FieldKind.Lookup
            ? module == field.LookupModule
            : !target.Schema.IsRelatedOnly && (module != Schemas.Notes || (field.ApiName == "Parent_Id" && schema.ApiName == Schemas.Attachments));
        return allowed
            ? (target.Self, null)
            : (null, wrong("a lookup", $"{field.ApiName} of {schema.ApiName} cannot point at a record of {module}"));
    }

    private static long? LookupId(JsonElement value)
    {
        var idElement = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("id", out var inner) ? inner : value;
        var text = idElement.ValueKind switch
        {
            JsonValueKind.String => idElement.GetString(),
            JsonValueKind.Number => idElement.GetRawText(),
            _ => null,
        };
        return RecordsApi.TryParseId(text, out var id) ? id : null;
    }

    private static byte[]? Base64(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return System.Convert.FromBase64String(value.GetString()!);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
