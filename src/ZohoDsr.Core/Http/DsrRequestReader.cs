using System.Text.Json;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Http;

/// <summary>
/// Reads the webhook body into a <see cref="DsrRequest"/> field by field, so that a value of the wrong JSON type is
/// reported against its field together with every other problem (a plain deserializer stops at the first).
/// </summary>
internal static class DsrRequestReader
{
    /// <summary>The result: the request (null when the body is not JSON), type problems per field, or the syntax error.</summary>
    public sealed record Result(DsrRequest? Request, IReadOnlyList<DsrValidationError> Errors, string? SyntaxError);

    public static Result Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            return new Result(null, [], $"The body is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}).");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new Result(null, [new DsrValidationError("body", "The body must be a JSON object.")], null);
            }

            var errors = new List<DsrValidationError>();
            var request = new DsrRequest
            {
                RequestId = ReadString(root, "requestId", errors),
                Type = ReadType(root, errors),
                Subject = ReadSubject(root, errors),
                OrgId = ReadString(root, "orgId", errors),
                Modules = ReadModules(root, errors),
                DryRun = ReadBool(root, "dryRun", errors),
                RequireApproval = ReadBool(root, "requireApproval", errors),
                PurgeRecycleBin = ReadBool(root, "purgeRecycleBin", errors),
                CallbackUrl = ReadUri(root, "callbackUrl", errors),
            };
            return new Result(request, errors, null);
        }
    }

    private static bool TryGet(JsonElement parent, string name, out JsonElement value)
    {
        foreach (JsonProperty property in parent.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return value.ValueKind != JsonValueKind.Null;
            }
        }

        value = default;
        return false;
    }

    private static string? ReadString(JsonElement parent, string name, List<DsrValidationError> errors, string? path = null)
    {
        if (!TryGet(parent, name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(path ?? name, $"{path ?? name} must be a string."));
            return null;
        }

        return value.GetString();
    }

    private static bool? ReadBool(JsonElement parent, string name, List<DsrValidationError> errors)
    {
        if (!TryGet(parent, name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(new(name, $"{name} must be true or false."));
            return null;
        }

        return value.GetBoolean();
    }

    private static DsrRequestType? ReadType(JsonElement root, List<DsrValidationError> errors)
    {
        string? type = ReadString(root, "type", errors);
        if (type is null)
        {
            return null;
        }

        if (string.Equals(type, "access", StringComparison.OrdinalIgnoreCase))
        {
            return DsrRequestType.Access;
        }

        if (string.Equals(type, "delete", StringComparison.OrdinalIgnoreCase))
        {
            return DsrRequestType.Delete;
        }

        errors.Add(new("type", "type must be 'access' or 'delete'."));
        return null;
    }

    private static DsrSubject? ReadSubject(JsonElement root, List<DsrValidationError> errors)
    {
        if (!TryGet(root, "subject", out JsonElement subject))
        {
            return null;
        }

        if (subject.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("subject", "subject must be an object with an email."));
            return null;
        }

        return new DsrSubject { Email = ReadString(subject, "email", errors, "subject.email") };
    }

    private static List<string>? ReadModules(JsonElement root, List<DsrValidationError> errors)
    {
        if (!TryGet(root, "modules", out JsonElement modules))
        {
            return null;
        }

        if (modules.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new("modules", "modules must be an array of module API names."));
            return null;
        }

        var list = new List<string>();
        int i = 0;
        foreach (JsonElement item in modules.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(item.GetString()!);
            }
            else
            {
                errors.Add(new($"modules[{i}]", "A module must be given as a string."));
            }

            i++;
        }

        return list;
    }

    private static Uri? ReadUri(JsonElement root, string name, List<DsrValidationError> errors)
    {
        string? text = ReadString(root, name, errors);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out Uri? uri))
        {
            errors.Add(new(name, $"{name} must be an absolute https URL."));
            return null;
        }

        return uri;
    }
}
