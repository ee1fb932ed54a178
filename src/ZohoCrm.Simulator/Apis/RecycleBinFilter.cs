using System.Globalization;
using System.Text.Json;
using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Apis;

/// <summary>
/// The <c>filters</c> parameter of <c>GET /settings/recycle_bin</c> (v7 doc): <c>{"group_operator":"AND","group":[{"field":
/// {"api_name":...},"comparator":...,"value":...}]}</c> over <c>module</c>, <c>display_name</c>, <c>deleted_by</c> and
/// <c>deleted_time</c>.
/// </summary>
internal sealed class RecycleBinFilter
{
    private readonly List<Func<SimRecord, bool>> _conditions = [];

    private RecycleBinFilter()
    {
    }

    public bool Matches(SimRecord record) => _conditions.All(c => c(record));

    public static ApiError? TryParse(string text, out RecycleBinFilter filter)
    {
        filter = new RecycleBinFilter();
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(text);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return ApiError.InvalidData("filters", "the filters given are not valid JSON");
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("group", out var group) || group.ValueKind != JsonValueKind.Array)
        {
            return ApiError.InvalidData("filters", "the filters need a group array");
        }

        if (root.TryGetProperty("group_operator", out var op) && !string.Equals(op.GetString(), "AND", StringComparison.OrdinalIgnoreCase))
        {
            return ApiError.InvalidData("filters", "The given group operator not supported. Only 'AND' operator is supported");
        }

        foreach (var item in group.EnumerateArray())
        {
            var field = item.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.Object && f.TryGetProperty("api_name", out var n)
                ? n.GetString()
                : null;
            var comparator = item.TryGetProperty("comparator", out var c) ? c.GetString() : null;
            if (!item.TryGetProperty("value", out var value))
            {
                return ApiError.InvalidData("filters", "every filter condition needs a value");
            }

            var condition = field switch
            {
                "module" => Text(comparator, TextOf(value), r => r.Schema.ApiName, ["equal", "not_equal"]),
                "display_name" => Text(comparator, TextOf(value), r => r.DisplayName, ["equal", "not_equal", "contains", "not_contains", "starts_with", "ends_with"]),
                "deleted_by" => DeletedBy(comparator, value),
                "deleted_time" => DeletedTime(comparator, TextOf(value)),
                _ => null,
            };
            if (condition is null)
            {
                return ApiError.InvalidData("filters", field is "module" or "display_name" or "deleted_by" or "deleted_time"
                    ? $"the comparator or value given for {field} seems to be invalid"
                    : "The given api_name seems to be invalid");
            }

            filter._conditions.Add(condition);
        }

        return null;
    }

    private static string? TextOf(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Func<SimRecord, bool>? Text(string? comparator, string? value, Func<SimRecord, string> of, string[] allowed)
    {
        if (value is null || comparator is null || !allowed.Contains(comparator, StringComparer.Ordinal))
        {
            return null;
        }

        const StringComparison cmp = StringComparison.OrdinalIgnoreCase;
        return comparator switch
        {
            "equal" => r => string.Equals(of(r), value, cmp),
            "not_equal" => r => !string.Equals(of(r), value, cmp),
            "contains" => r => of(r).Contains(value, cmp),
            "not_contains" => r => !of(r).Contains(value, cmp),
            "starts_with" => r => of(r).StartsWith(value, cmp),
            _ => r => of(r).EndsWith(value, cmp),
        };
    }

    /// <summary>A user name, or (equal/not_equal) an array of <c>{"id","name"}</c> users.</summary>
    private static Func<SimRecord, bool>? DeletedBy(string? comparator, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array && comparator is "equal" or "not_equal")
        {
            var ids = value.EnumerateArray()
                .Select(u => u.ValueKind == JsonValueKind.Object && u.TryGetProperty("id", out var id) ? id.GetString() : null)
                .ToHashSet(StringComparer.Ordinal);
            bool In(SimRecord r) => r.Deletion is { } d && ids.Contains(d.User.Id.ToString(CultureInfo.InvariantCulture));
            return comparator == "equal" ? In : r => !In(r);
        }

        return Text(comparator, TextOf(value), r => r.Deletion?.User.Name ?? string.Empty,
            ["equal", "not_equal", "contains", "not_contains", "starts_with", "ends_with"]);
    }

    private static Func<SimRecord, bool>? DeletedTime(string? comparator, string? value)
    {
        if (value is null || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return null;
        }

        var unix = at.ToUnixTimeSeconds();
        return comparator switch
        {
            "equal" => r => r.DeletedUnix == unix,
            "not_equal" => r => r.DeletedUnix != unix,
            "greater_than" => r => r.DeletedUnix > unix,
            "less_than" => r => r.DeletedUnix < unix,
            _ => null,
        };
    }
}
