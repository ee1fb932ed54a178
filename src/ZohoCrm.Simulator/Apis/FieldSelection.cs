using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Apis;

/// <summary>The <c>fields</c> parameter: mandatory for lists on v3+, at most 50, each an API name of the module.</summary>
internal static class FieldSelection
{
    public const int MaxFields = 50;

    public static ApiError? TryParse(CrmContext ctx, IReadOnlyList<ModuleSchema> schemas, bool required, out IReadOnlyList<string>? fields)
    {
        fields = null;
        var text = ctx.Param("fields");
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? ApiError.Missing("fields") : null;
        }

        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length > MaxFields)
        {
            return new ApiError(400, "LIMIT_EXCEEDED", "the number of fields exceeds the limit of 50", d =>
            {
                d.WriteString("param_name", "fields");
                d.WriteNumber("limit", MaxFields);
            });
        }

        foreach (var name in names)
        {
            if (name != "id" && !schemas.Any(s => s.TryGetField(name, out _)))
            {
                return new ApiError(400, "INVALID_DATA", "the field given seems to be invalid", d =>
                {
                    d.WriteString("param_name", "fields");
                    d.WriteString("api_name", name);
                });
            }
        }

        fields = names;
        return null;
    }
}
