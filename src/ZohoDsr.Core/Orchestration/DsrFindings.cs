using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// What a run found and did, per module in ordinal order (so that replays and results do not depend on the order in
/// which parallel calls finished): the ids found, each record's outcome, and the modules that could not be fully searched.
/// </summary>
internal sealed class DsrFindings
{
    private readonly SortedDictionary<string, SortedDictionary<string, RecordOutcome>> _outcomes = new(StringComparer.Ordinal);

    public SortedDictionary<string, ModuleFindings> Modules { get; } = new(StringComparer.Ordinal);

    /// <summary>Modules that could not be fully searched, each reason once.</summary>
    public SortedDictionary<string, List<ModuleGap>> Gaps { get; } = new(StringComparer.Ordinal);

    /// <summary>Records that hold the subject's email only in free text, for review; never found, never deleted.</summary>
    public SortedDictionary<(string Module, string Id, string Field), Mention> Mentions { get; } = new();

    /// <summary>Every record's outcome so far, module by module.</summary>
    public IEnumerable<RecordOutcome> Outcomes => _outcomes.Values.SelectMany(o => o.Values);

    public int RecordsFound => Modules.Values.Sum(m => m.Ids.Count);

    public ModuleFindings FindingsOf(string module)
    {
        if (!Modules.TryGetValue(module, out ModuleFindings? findings))
        {
            findings = new ModuleFindings();
            Modules[module] = findings;
        }

        return findings;
    }

    public SortedDictionary<string, RecordOutcome> OutcomesOf(string module)
    {
        if (!_outcomes.TryGetValue(module, out SortedDictionary<string, RecordOutcome>? outcomes))
        {
            outcomes = new SortedDictionary<string, RecordOutcome>(StringComparer.Ordinal);
            _outcomes[module] = outcomes;
        }

        return outcomes;
    }

    /// <summary>The outcomes of one module, or none.</summary>
    public IReadOnlyList<RecordOutcome> OutcomesIn(string module)
        => _outcomes.TryGetValue(module, out SortedDictionary<string, RecordOutcome>? outcomes) ? [.. outcomes.Values] : [];

    public void SetOutcome(string module, string id, RecordOutcomeKind kind, string? zohoCode = null)
        => OutcomesOf(module)[id] = new RecordOutcome(module, id, kind, zohoCode);

    /// <summary>Adds a find result's ids; a pseudo-module's rows (Activities) go to the real modules they belong to.</summary>
    public void Add(string module, FindRecordsResult found)
    {
        FindingsOf(module).Method = found.Method;
        if (found.RecordIdsByModule is { } byModule)
        {
            // A pseudo-module (Activities): its rows belong to real modules, which alone can be exported and deleted.
            foreach ((string realModule, IReadOnlyList<string> ids) in byModule.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                ModuleFindings findings = FindingsOf(realModule);
                findings.Method ??= found.Method;
                AddIds(findings, ids);
            }
        }
        else
        {
            AddIds(FindingsOf(module), found.RecordIds);
        }

        AddGaps(found.Gaps);
        foreach (Mention mention in found.Mentions ?? [])
        {
            Mentions[(mention.Module, mention.Id, mention.Field)] = mention;
        }
    }

    /// <summary>Records modules that could not be fully searched (once per reason): each is reported <c>unsearched</c>.</summary>
    public void AddGaps(IReadOnlyList<ModuleGap>? gaps)
    {
        foreach (ModuleGap gap in gaps ?? [])
        {
            if (!Gaps.TryGetValue(gap.Module, out List<ModuleGap>? known))
            {
                known = [];
                Gaps[gap.Module] = known;
            }

            if (!known.Contains(gap))
            {
                known.Add(gap);
            }
        }
    }

    private static void AddIds(ModuleFindings findings, IReadOnlyList<string>? ids)
    {
        foreach (string id in ids ?? [])
        {
            if (!string.IsNullOrWhiteSpace(id))
            {
                findings.Ids.Add(id);
            }
        }
    }
}
