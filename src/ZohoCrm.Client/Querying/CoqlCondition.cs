namespace ZohoCrm.Client;

/// <summary>
/// A COQL WHERE condition built from parts, so untrusted values (a data subject's email) are always quoted and escaped
/// (single quotes, inner quote doubled) and field names are checked against Zoho's API-name pattern: no query injection.
/// </summary>
public abstract class CoqlCondition
{
    private protected CoqlCondition()
    {
    }

    /// <summary><c>field = 'value'</c>.</summary>
    public static CoqlCondition Equal(string field, string value) => throw new NotImplementedException();

    /// <summary><c>field in ('a', 'b', ...)</c> (at most 50 values per condition, as Zoho allows).</summary>
    public static CoqlCondition In(string field, IEnumerable<string> values) => throw new NotImplementedException();

    /// <summary><c>field is not null</c>.</summary>
    public static CoqlCondition IsNotNull(string field) => throw new NotImplementedException();

    /// <summary>Both conditions, bracketed as COQL requires beyond two.</summary>
    public static CoqlCondition And(CoqlCondition left, CoqlCondition right) => throw new NotImplementedException();

    /// <summary>Either condition, bracketed as COQL requires beyond two.</summary>
    public static CoqlCondition Or(CoqlCondition left, CoqlCondition right) => throw new NotImplementedException();

    /// <summary>Any of the conditions (at least one).</summary>
    public static CoqlCondition AnyOf(IEnumerable<CoqlCondition> conditions) => throw new NotImplementedException();

    /// <summary>The condition as COQL text.</summary>
    public abstract override string ToString();
}
