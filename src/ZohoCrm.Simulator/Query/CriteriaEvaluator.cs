using System.Globalization;
using ZohoCrm.Simulator.Model;
using ZohoCrm.Simulator.Storage;

namespace ZohoCrm.Simulator.Query;

/// <summary>
/// Evaluates Search criteria like Zoho: <c>equals</c> behaves like "contains" (case-insensitive), <c>starts_with</c>
/// is a case-insensitive prefix; lookups compare by id. Email and lookup conditions are answered from indexes.
/// </summary>
internal static class CriteriaEvaluator
{
    public static bool Matches(CriteriaNode node, SimRecord record, TimeSpan offset)
    {
        if (!node.IsLeaf)
        {
            return node.Combinator == "and"
                ? Matches(node.Left!, record, offset) && Matches(node.Right!, record, offset)
                : Matches(node.Left!, record, offset) || Matches(node.Right!, record, offset);
        }

        var field = node.Field!;
        if (field.IsLookup && field.Source == FieldSource.Slot)
        {
            var target = record.Values[field.Slot] as LookupRef;
            var id = target?.Id.ToString(CultureInfo.InvariantCulture);
            return node.Operator switch
            {
                "not_equal" => !node.Values.Any(v => v == id),
                "starts_with" => target is not null && node.Values.Any(v => target.Name.StartsWith(v, StringComparison.OrdinalIgnoreCase)),
                _ => target is not null && node.Values.Any(v => v == id || target.Name.Contains(v, StringComparison.OrdinalIgnoreCase)),
            };
        }

        var text = ValueText.Of(record, field, offset);
        if (field.IsEmail && text is not null)
        {
            text = EmailIndex.Normalize(text);
        }

        switch (node.Operator)
        {
            case "equals":
                return text is not null && text.Contains(Norm(field, node.Values[0]), StringComparison.OrdinalIgnoreCase);
            case "starts_with":
                return text is not null && text.StartsWith(Norm(field, node.Values[0]), StringComparison.OrdinalIgnoreCase);
            case "in":
                return text is not null && node.Values.Any(v => string.Equals(text, Norm(field, v), StringComparison.OrdinalIgnoreCase));
            case "not_equal":
                return !string.Equals(text, Norm(field, node.Values[0]), StringComparison.OrdinalIgnoreCase);
            case "between":
                return node.Values.Count == 2 && Compare(record, field, text, node.Values[0]) >= 0 && Compare(record, field, text, node.Values[1]) <= 0;
            default:
                var c = Compare(record, field, text, node.Values[0]);
                return node.Operator switch
                {
                    "greater_than" => c > 0,
                    "greater_equal" => c >= 0,
                    "less_than" => c < 0,
                    _ => c <= 0,
                };
        }
    }

    /// <summary>Candidate records from indexes, or null when the criteria need a scan.</summary>
    public static List<SimRecord>? Candidates(CriteriaNode node, ModuleStore store)
    {
        if (!node.IsLeaf)
        {
            var left = Candidates(node.Left!, store);
            var right = Candidates(node.Right!, store);
            if (node.Combinator == "and")
            {
                return left is null ? right : right is null ? left : left.Count <= right.Count ? left : right;
            }

            if (left is null || right is null)
            {
                return null;
            }

            left.AddRange(right);
            return left;
        }

        var field = node.Field!;
        if (field.IsEmail && node.Operator is "equals" or "starts_with" or "in")
        {
            var result = new List<SimRecord>();
            foreach (var value in node.Values)
            {
                result.AddRange(store.EmailContains(EmailIndex.Normalize(value), prefix: node.Operator == "starts_with"));
            }

            return result;
        }

        if (field.IsLookup && store.HasLookupIndex(field) && node.Operator is "equals" or "in"
            && node.Values.All(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            return [.. node.Values.SelectMany(v => store.ByLookup(field, long.Parse(v, CultureInfo.InvariantCulture)))];
        }

        return null;
    }

    private static string Norm(FieldDef field, string value) => field.IsEmail ? EmailIndex.Normalize(value) : value;

    private static int Compare(SimRecord record, FieldDef field, string? text, string value)
    {
        var left = ValueText.Number(record, field);
        var right = ValueText.ParseNumber(field, value);
        if (left is double l && right is double r)
        {
            return l.CompareTo(r);
        }

        return string.Compare(text, value, StringComparison.OrdinalIgnoreCase);
    }
}
