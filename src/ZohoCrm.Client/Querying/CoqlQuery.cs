namespace ZohoCrm.Client;

/// <summary>A COQL select: <c>select {fields} from {module} where {condition}</c>; the client adds LIMIT/OFFSET while paging.</summary>
/// <param name="Module">The module API name.</param>
/// <param name="Fields">The fields to select (at most 50; <c>id</c> is always returned).</param>
/// <param name="Where">The condition (COQL requires one).</param>
public sealed record CoqlQuery(string Module, IReadOnlyList<string> Fields, CoqlCondition Where)
{
    /// <summary>Fields per select (Zoho's maximum).</summary>
    public const int MaxFields = 50;

    /// <summary>The module API name (checked against Zoho's API-name pattern).</summary>
    public string Module { get; init; } = CheckModule(Module);

    /// <summary>The selected fields (1 to 50 API names).</summary>
    public IReadOnlyList<string> Fields { get; init; } = CheckFields(Fields);

    /// <summary>The condition.</summary>
    public CoqlCondition Where { get; init; } = Where ?? throw new ArgumentNullException(nameof(Where));

    /// <summary>The query text without LIMIT/OFFSET.</summary>
    public override string ToString() => $"{SelectClause()} where {Where}";

    /// <summary><c>select {fields} from {module}</c>.</summary>
    internal string SelectClause() => $"select {string.Join(", ", Fields)} from {Module}";

    private static string CheckModule(string module)
    {
        ZohoNames.Validate(module, nameof(Module));
        return module;
    }

    private static IReadOnlyList<string> CheckFields(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields, nameof(Fields));
        if (fields.Count is 0 or > MaxFields)
        {
            throw new ArgumentException($"A COQL select needs 1 to {MaxFields} fields; {fields.Count} were given.", nameof(Fields));
        }

        foreach (string field in fields)
        {
            ZohoNames.Validate(field, nameof(Fields));
        }

        return [.. fields];
    }
}
