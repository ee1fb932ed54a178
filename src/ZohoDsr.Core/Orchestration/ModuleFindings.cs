using ZohoDsr.Core.Activities;

namespace ZohoDsr.Core.Orchestration;

/// <summary>What the run found in one module: how, and the record ids (ordinal order).</summary>
internal sealed class ModuleFindings
{
    public FindMethod? Method { get; set; }

    public SortedSet<string> Ids { get; } = new(StringComparer.Ordinal);
}
