using ZohoCrm.Simulator.Model;

namespace ZohoCrm.Simulator.Query;

/// <summary>A node of a Search <c>criteria</c>: a condition, or <c>and</c>/<c>or</c> of two nodes.</summary>
internal sealed class CriteriaNode
{
    public string? Combinator { get; init; }

    public CriteriaNode? Left { get; init; }

    public CriteriaNode? Right { get; init; }

    public FieldDef? Field { get; init; }

    public string Operator { get; init; } = string.Empty;

    public IReadOnlyList<string> Values { get; init; } = [];

    public bool IsLeaf => Combinator is null;

    public int ConditionCount => IsLeaf ? 1 : Left!.ConditionCount + Right!.ConditionCount;

    public IEnumerable<CriteriaNode> Leaves() => IsLeaf ? [this] : Left!.Leaves().Concat(Right!.Leaves());
}
