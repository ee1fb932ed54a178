using System.Globalization;
using ZohoCrm.Simulator.Model;
using ZohoCrm.Simulator.Storage;

namespace ZohoCrm.Simulator.Query;

/// <summary>
/// Evaluates COQL conditions. <c>=</c> on text and email fields is exact but case-insensitive (no trimming);
/// lookups compare by id; numbers and date-times numerically; <c>like</c> patterns with <c>%</c> ignore case.
/// Email, lookup and id conditions are answered from indexes.
/// </summary>
internal static class CoqlEvaluator
{
    public static bool Matches(CoqlCondition node, SimRecord record, TimeSpan offset)
    {
        if (!node.IsLeaf)
        {
            return node.Combinator == "and"
                ? Matches(node.Left!, record, offset) && Matches(node.Right!, record, offset)
                : Matches(node.Left!, record, offset) || Matches(node.Right!, record, offset);
        }

        var field = node.Field!;
        string? text;
        if (field.IsLookup && field.Source == FieldSource.Slot)
        {
            text = (record.Values[field.Slot] as LookupRef)?.Id.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            text = ValueText.Of(record, field, offset);
        }

        switch (node.Operator)
        {
            case "is null":
                return string.IsNullOrEmpty(text);
            case "is not null":
                return !string.IsNullOrEmpty(text);
            case "=":
                return Equal(record, field, text, node.Values[0]);
            case "!=":
                return !Equal(record, field, text, node.Values[0]);
            case "in":
                return node.Values.Any(v => Equal(record, field, text, v));
            case "not in":
                return !node.Values.Any(v => Equal(record, field, text, v));
            case "like":
                return text is not null && Like(text, node.Values[0]);
            case "not like":
                return text is null || !Like(text, node.Values[0]);
            case "between":
                return Compare(record, field, text, node.Values[0]) >= 0 && Compare(record, field, text, node.Values[1]) <= 0;
            default:
                var c = Compare(record, field, text, node.Values[0]);
                return node.Operator switch
                {
                    "<" => c < 0,
                    ">" => c > 0,
                    "<=" => c <= 0,
                    _ => c >= 0,
                };
        }
    }

    /// <summary>Candidate records from indexes (any state, may repeat), or null when the condition needs a scan.</summary>
    public static List<SimRecord>? Candidates(CoqlCondition node, ModuleStore store)
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
        if (node.Operator is not ("=" or "in" or "like"))
        {
            return null;
        }

        if (field.Source == FieldSource.Id)
        {
            if (node.Operator == "like")
            {
                return null;
            }

            return [.. node.Values.Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? store.Find(id) : null)
                .OfType<SimRecord>()];
        }

        if (field.IsEmail)
        {
            var result = new List<SimRecord>();
            foreach (var value in node.Values)
            {
                if (node.Operator == "like")
                {
                    var core = value.Trim('%');
                    if (core.Length == 0 || core.Contains('%', StringComparison.Ordinal))
                    {
                        return null;
                    }

                    result.AddRange(store.EmailContains(EmailIndex.Normalize(core), prefix: false));
                }
                else
                {
                    result.AddRange(store.EmailExact(EmailIndex.Normalize(value)));
                }
            }

            return result;
        }

        if (field.IsLookup && store.HasLookupIndex(field) && node.Operator != "like")
        {
            var result = new List<SimRecord>();
            foreach (var value in node.Values)
            {
                if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    result.AddRange(store.ByLookup(field, id));
                }
            }

            return result;
        }

        return null;
    }

    private static bool Equal(SimRecord record, FieldDef field, string? text, string value)
    {
        if (text is null)
        {
            return false;
        }

        if (WholeNumbers(text, value) is var (li, ri))
        {
            return li == ri;
        }

        var left = ValueText.Number(record, field);
        if (left is double l && ValueText.ParseNumber(field, value) is double r && !field.IsLookup)
        {
            return l == r;
        }

        return string.Equals(text, value, StringComparison.OrdinalIgnoreCase);
    }

    private static int Compare(SimRecord record, FieldDef field, string? text, string value)
    {
        // Record ids are 19-digit numbers: a double cannot tell neighbours apart, so whole numbers compare exactly.
        if (WholeNumbers(text, value) is var (li, ri))
        {
            return li.CompareTo(ri);
        }

        var left = ValueText.Number(record, field);
        var right = ValueText.ParseNumber(field, value);
        if (left is double l && right is double r)
        {
            return l.CompareTo(r);
        }

        return string.Compare(text, value, StringComparison.OrdinalIgnoreCase);
    }

    private static (long Left, long Right)? WholeNumbers(string? text, string value)
        => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var left)
            && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var right)
            ? (left, right)
            : null;

    private static bool Like(string text, string pattern)
    {
        var starts = pattern.StartsWith('%');
        var ends = pattern.EndsWith('%') && pattern.Length > 1;
        var core = pattern.Trim('%');
        return (starts, ends) switch
        {
            (true, true) => text.Contains(core, StringComparison.OrdinalIgnoreCase),
            (true, false) => text.EndsWith(core, StringComparison.OrdinalIgnoreCase),
            (false, true) => text.StartsWith(core, StringComparison.OrdinalIgnoreCase),
            _ => string.Equals(text, core, StringComparison.OrdinalIgnoreCase),
        };
    }
}
