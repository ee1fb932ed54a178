using System.Text.Json;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Deadlines;

namespace ZohoDsr.Core.Http;

/// <summary>
/// The optional JSON body of approve, reject and cancel (<c>{"reason"?: "..."}</c>) and the body of extend
/// (<c>{"reason": "...", "by"?: {"count": 2, "unit": "months"}}</c>), read field by field like the webhook's.
/// </summary>
internal sealed record DsrActionBody(string? Reason, DeadlinePeriod? By)
{
    /// <summary>The longest reason kept.</summary>
    public const int MaxReasonLength = 1000;

    private static readonly string[] DecisionFields = ["reason"];
    private static readonly string[] ExtendFields = ["reason", "by"];
    private static readonly string[] PeriodFields = ["count", "unit"];

    /// <summary>Reads a decision's body (empty: no reason).</summary>
    public static (DsrActionBody? Body, Dictionary<string, string[]>? Errors) ReadDecision(ReadOnlyMemory<byte> body)
        => Read(body, extend: false);

    /// <summary>Reads extend's body: <c>reason</c> is required.</summary>
    public static (DsrActionBody? Body, Dictionary<string, string[]>? Errors) ReadExtend(ReadOnlyMemory<byte> body)
        => Read(body, extend: true);

    private static (DsrActionBody? Body, Dictionary<string, string[]>? Errors) Read(ReadOnlyMemory<byte> body, bool extend)
    {
        if (body.IsEmpty && !extend)
        {
            return (new DsrActionBody(null, null), null);
        }

        if (body.IsEmpty)
        {
            return (null, new() { ["reason"] = ["reason is required: why the request needs more time (the person is told)."] });
        }

        if (DsrJsonBody.Parse(body, out JsonDocument? document) is { } syntax)
        {
            return (null, new() { ["body"] = [syntax] });
        }

        using (document)
        {
            JsonElement root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, new() { ["body"] = ["The body must be a JSON object."] });
            }

            var errors = new List<DsrValidationError>();
            DsrJsonBody.CheckFields(root, extend ? ExtendFields : DecisionFields, null, errors);
            string? reason = DsrJsonBody.ReadString(root, "reason", errors);
            if (reason is not null && (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength || !DsrJsonBody.IsPlainText(reason)))
            {
                errors.Add(new("reason", $"reason must be 1 to {MaxReasonLength} characters of text, without control or invisible formatting characters."));
            }
            else if (reason is null && extend && !errors.Any(e => e.Field == "reason"))
            {
                errors.Add(new("reason", "reason is required: why the request needs more time (the person is told)."));
            }

            DeadlinePeriod? by = extend ? ReadPeriod(root, errors) : null;
            return errors.Count > 0 ? (null, DsrJsonBody.ToErrors(errors)) : (new DsrActionBody(reason?.Trim(), by), null);
        }
    }

    private static DeadlinePeriod? ReadPeriod(JsonElement root, List<DsrValidationError> errors)
    {
        if (!DsrJsonBody.TryGet(root, "by", out JsonElement by))
        {
            return null;
        }

        const string Shape = "by must be an object {\"count\": a whole number of at least 1, \"unit\": \"days\" or \"months\"}.";
        if (by.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("by", Shape));
            return null;
        }

        DsrJsonBody.CheckFields(by, PeriodFields, "by", errors);
        int? count = DsrJsonBody.TryGet(by, "count", out JsonElement c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out int n) && n >= 1 ? n : null;
        string? unitText = DsrJsonBody.TryGet(by, "unit", out JsonElement u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        DeadlineUnit? unit = string.Equals(unitText, "days", StringComparison.OrdinalIgnoreCase) ? DeadlineUnit.Days
            : string.Equals(unitText, "months", StringComparison.OrdinalIgnoreCase) ? DeadlineUnit.Months
            : null;
        if (count is null)
        {
            errors.Add(new("by.count", "by.count must be a whole number of at least 1."));
        }

        if (unit is null)
        {
            errors.Add(new("by.unit", "by.unit must be \"days\" or \"months\"."));
        }

        return count is { } k && unit is { } un ? new DeadlinePeriod(k, un) : null;
    }
}
