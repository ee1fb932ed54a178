using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Query;

/// <summary>A COQL WHERE node: a comparison, or <c>and</c>/<c>or</c> of two nodes.</summary>
internal sealed class CoqlCondition
{
    public string? Combinator { get; init; }

    public CoqlCondition? Left { get; init; }

    public CoqlCondition? Right { get; init; }

    public FieldDef? Field { get; init; }

    /// <summary><c>=</c>, <c>!=</c>, <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c>, <c>like</c>, <c>not like</c>, <c>in</c>, <c>not in</c>, <c>is null</c>, <c>is not null</c>, <c>between</c>.</summary>
    public string Operator { get; init; } = string.Empty;

    public IReadOnlyList<string> Values { get; init; } = [];

    public bool IsLeaf => Combinator is null;

    public int ConditionCount => IsLeaf ? 1 : Left!.ConditionCount + Right!.ConditionCount;

    public IEnumerable<CoqlCondition> Leaves() => IsLeaf ? [this] : Left!.Leaves().Concat(Right!.Leaves());
}
