using System.Text;

namespace ZohoCrm.Client;

/// <summary>
/// A COQL WHERE condition built from parts, so untrusted values (a data subject's email) are always quoted and escaped
/// (single quotes, inner quote doubled) and field names are checked against Zoho's API-name pattern: no query injection.
/// </summary>
public abstract class CoqlCondition
{
    /// <summary>Values per <c>in</c> condition (Zoho's documented maximum).</summary>
    public const int MaxInValues = 50;

    /// <summary>Conditions per query (Zoho's documented maximum).</summary>
    public const int MaxConditions = 25;

    private protected CoqlCondition()
    {
    }

    /// <summary>The number of simple conditions this condition holds.</summary>
    public abstract int ConditionCount { get; }

    /// <summary><c>field = 'value'</c>.</summary>
    public static CoqlCondition Equal(string field, string value)
    {
        ZohoNames.Validate(field, nameof(field));
        ArgumentNullException.ThrowIfNull(value);
        return new Simple($"{field} = {Quote(value)}");
    }

    /// <summary>
    /// <c>field like '%value%'</c>: the field holds <paramref name="value"/> anywhere (reference section 7). The value is
    /// quoted like any other; <c>%</c> and <c>_</c> inside it are not escaped (Zoho documents no escape for <c>like</c>), so
    /// where Zoho reads them as wildcards the condition matches more rows, never fewer: filter for what you need.
    /// </summary>
    public static CoqlCondition Contains(string field, string value)
    {
        ZohoNames.Validate(field, nameof(field));
        ArgumentException.ThrowIfNullOrEmpty(value);
        return new Simple($"{field} like {Quote("%" + value + "%")}");
    }

    /// <summary><c>field in ('a', 'b', ...)</c> (at most 50 values per condition, as Zoho allows).</summary>
    public static CoqlCondition In(string field, IEnumerable<string> values)
    {
        ZohoNames.Validate(field, nameof(field));
        ArgumentNullException.ThrowIfNull(values);
        string[] list = [.. values];
        if (list.Length == 0)
        {
            throw new ArgumentException("An 'in' condition needs at least one value.", nameof(values));
        }

        if (list.Length > MaxInValues)
        {
            throw new ArgumentException($"COQL allows at most {MaxInValues} values per 'in' condition; {list.Length} were given.", nameof(values));
        }

        var text = new StringBuilder(field).Append(" in (");
        for (int i = 0; i < list.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(list[i], nameof(values));
            text.Append(i == 0 ? string.Empty : ", ").Append(Quote(list[i]));
        }

        return new Simple(text.Append(')').ToString());
    }

    /// <summary><c>field is not null</c>.</summary>
    public static CoqlCondition IsNotNull(string field)
    {
        ZohoNames.Validate(field, nameof(field));
        return new Simple($"{field} is not null");
    }

    /// <summary>Both conditions, bracketed as COQL requires beyond two.</summary>
    public static CoqlCondition And(CoqlCondition left, CoqlCondition right) => new Composite("and", left, right);

    /// <summary>Either condition, bracketed as COQL requires beyond two.</summary>
    public static CoqlCondition Or(CoqlCondition left, CoqlCondition right) => new Composite("or", left, right);

    /// <summary>Any of the conditions (at least one).</summary>
    public static CoqlCondition AnyOf(IEnumerable<CoqlCondition> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        CoqlCondition? result = null;
        foreach (CoqlCondition condition in conditions)
        {
            ArgumentNullException.ThrowIfNull(condition, nameof(conditions));
            result = result is null ? condition : Or(result, condition);
        }

        return result ?? throw new ArgumentException("At least one condition is required.", nameof(conditions));
    }

    /// <summary><c>field &gt;= 'value'</c>, for keyset paging on <c>id</c>.</summary>
    internal static CoqlCondition AtLeast(string field, string value)
    {
        ZohoNames.Validate(field, nameof(field));
        ArgumentNullException.ThrowIfNull(value);
        return new Simple($"{field} >= {Quote(value)}");
    }

    /// <summary>The condition as COQL text.</summary>
    public abstract override string ToString();

    /// <summary>Renders this condition as an operand of <c>and</c>/<c>or</c>: bracketed unless it is a simple one.</summary>
    private protected abstract string AsOperand();

    /// <summary>A COQL string literal: single quotes, every inner quote doubled.</summary>
    internal static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private sealed class Simple(string text) : CoqlCondition
    {
        public override int ConditionCount => 1;

        public override string ToString() => text;

        private protected override string AsOperand() => text;
    }

    private sealed class Composite : CoqlCondition
    {
        private readonly string _text;

        public Composite(string op, CoqlCondition left, CoqlCondition right)
        {
            ArgumentNullException.ThrowIfNull(left);
            ArgumentNullException.ThrowIfNull(right);
            ConditionCount = left.ConditionCount + right.ConditionCount;
            if (ConditionCount > MaxConditions)
            {
                throw new ArgumentException($"COQL allows at most {MaxConditions} conditions; this one would hold {ConditionCount}.");
            }

            _text = $"{left.AsOperand()} {op} {right.AsOperand()}";
        }

        public override int ConditionCount { get; }

        public override string ToString() => _text;

        private protected override string AsOperand() => "(" + _text + ")";
    }
}
