using System.Globalization;
using System.Text.Json;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Deadlines;

namespace ZohoDsr.Core.Http;

/// <summary>
/// Reads the webhook body into a <see cref="DsrRequest"/> field by field, so that a value of the wrong JSON type is
/// reported against its field together with every other problem (a plain deserializer stops at the first). A field the
/// contract does not know, or one given twice, is refused by name: a misspelt <c>requireAproval</c> must not pass as
/// "no approval needed".
/// </summary>
internal static class DsrRequestReader
{
    private static readonly string[] Fields =
        ["requestId", "type", "subject", "orgId", "modules", "dryRun", "requireApproval", "purgeRecycleBin", "callbackUrl", "receivedAt", "regime"];

    private static readonly string[] SubjectFields = ["email"];

    /// <summary>The result: the request (null when the body is not JSON), type problems per field, or the syntax error.</summary>
    public sealed record Result(DsrRequest? Request, IReadOnlyList<DsrValidationError> Errors, string? SyntaxError);

    public static Result Read(ReadOnlyMemory<byte> body)
    {
        if (DsrJsonBody.Parse(body, out JsonDocument? document) is { } syntaxError)
        {
            return new Result(null, [], syntaxError);
        }

        using (document)
        {
            JsonElement root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new Result(null, [new DsrValidationError("body", "The body must be a JSON object.")], null);
            }

            var errors = new List<DsrValidationError>();
            DsrJsonBody.CheckFields(root, Fields, null, errors);
            var request = new DsrRequest
            {
                RequestId = DsrJsonBody.ReadString(root, "requestId", errors),
                Type = ReadType(root, errors),
                Subject = ReadSubject(root, errors),
                OrgId = DsrJsonBody.ReadString(root, "orgId", errors),
                Modules = ReadModules(root, errors),
                DryRun = ReadBool(root, "dryRun", errors),
                RequireApproval = ReadBool(root, "requireApproval", errors),
                PurgeRecycleBin = ReadBool(root, "purgeRecycleBin", errors),
                CallbackUrl = ReadUri(root, "callbackUrl", errors),
                ReceivedAt = ReadTime(root, "receivedAt", errors),
                Regime = ReadRegime(root, errors),
            };
            return new Result(request, errors, null);
        }
    }

    /// <summary>
    /// An ISO 8601 time with an offset (<c>2026-11-23T09:30:00Z</c>, <c>2026-11-23T10:30:00+01:00</c>); without an
    /// offset the day of receipt, from which the due date counts, would depend on the server's time zone.
    /// </summary>
    public static DateTimeOffset? ReadTime(JsonElement parent, string name, List<DsrValidationError> errors)
    {
        string? text = DsrJsonBody.ReadString(parent, name, errors);
        if (text is null)
        {
            return null;
        }

        if (!DsrJsonBody.TryParseTime(text, out DateTimeOffset time))
        {
            errors.Add(new(name, $"{name} must be an ISO 8601 date and time with an offset, e.g. 2026-11-23T09:30:00Z."));
            return null;
        }

        return time;
    }

    private static bool? ReadBool(JsonElement parent, string name, List<DsrValidationError> errors)
    {
        if (!DsrJsonBody.TryGet(parent, name, out JsonElement value))
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
        string? type = DsrJsonBody.ReadString(root, "type", errors);
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

    private static DeadlineRegimeKind? ReadRegime(JsonElement root, List<DsrValidationError> errors)
    {
        string? regime = DsrJsonBody.ReadString(root, "regime", errors);
        if (regime is null)
        {
            return null;
        }

        foreach (DeadlineRegimeKind kind in Enum.GetValues<DeadlineRegimeKind>())
        {
            if (string.Equals(regime, kind.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        errors.Add(new("regime", "regime must be 'gdpr', 'ccpa' or 'custom'."));
        return null;
    }

    private static DsrSubject? ReadSubject(JsonElement root, List<DsrValidationError> errors)
    {
        if (!DsrJsonBody.TryGet(root, "subject", out JsonElement subject))
        {
            return null;
        }

        if (subject.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("subject", "subject must be an object with an email."));
            return null;
        }

        DsrJsonBody.CheckFields(subject, SubjectFields, "subject", errors);
        return new DsrSubject { Email = DsrJsonBody.ReadString(subject, "email", errors, "subject.email") };
    }

    private static List<string>? ReadModules(JsonElement root, List<DsrValidationError> errors)
    {
        if (!DsrJsonBody.TryGet(root, "modules", out JsonElement modules))
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
                errors.Add(new(string.Create(CultureInfo.InvariantCulture, $"modules[{i}]"), "A module must be given as a string."));
            }

            i++;
        }

        return list;
    }

    private static Uri? ReadUri(JsonElement root, string name, List<DsrValidationError> errors)
    {
        string? text = DsrJsonBody.ReadString(root, name, errors);
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
