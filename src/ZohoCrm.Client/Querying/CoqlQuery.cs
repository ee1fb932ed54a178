namespace ZohoCrm.Client;

/// <summary>A COQL select: <c>select {fields} from {module} where {condition}</c>; the client adds LIMIT/OFFSET while paging.</summary>
/// <param name="Module">The module API name.</param>
/// <param name="Fields">The fields to select (at most 50; <c>id</c> is always returned).</param>
/// <param name="Where">The condition (COQL requires one).</param>
public sealed record CoqlQuery(string Module, IReadOnlyList<string> Fields, CoqlCondition Where)
{
    /// <summary>The query text without LIMIT/OFFSET.</summary>
    public override string ToString() => throw new NotImplementedException();
}
