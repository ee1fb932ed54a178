using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Query;

/// <summary>A parsed COQL select query.</summary>
internal sealed class CoqlQuery
{
    public required IReadOnlyList<string> Select { get; init; }

    public required ModuleSchema From { get; init; }

    public required CoqlCondition Where { get; init; }

    public IReadOnlyList<(FieldDef Field, bool Descending)> OrderBy { get; init; } = [];

    public int Limit { get; init; } = 200;

    public int Offset { get; init; }
}
