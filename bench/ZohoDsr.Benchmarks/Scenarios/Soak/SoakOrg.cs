using ZohoDsr.Benchmarks.Harness;

namespace ZohoDsr.Benchmarks.Scenarios.Soak;

/// <summary>A soak org: its simulator org, its live records per module before the run, and its token revocation.</summary>
public sealed class SoakOrg(BenchOrg bench)
{
    /// <summary>Every module the product reads or deletes in; what it may touch of them is checked after the run.</summary>
    public static IReadOnlyList<string> Modules { get; } =
        ["Contacts", "Leads", "Cases", "Deals", "Notes", "Calls", "Tasks", "Events", "Quotes", "Invoices", "Sales_Orders", "Purchase_Orders"];

    private readonly Dictionary<string, int> _before = new(StringComparer.Ordinal);

    public BenchOrg Bench { get; } = bench;

    /// <summary>Live records per module before the run.</summary>
    public IReadOnlyDictionary<string, int> Before => _before;

    /// <summary>The rule revoking the org's refresh tokens mid-run, in the orgs that have one.</summary>
    public ZohoCrm.Simulator.SimFaultRule? Revocation { get; set; }

    /// <summary>Whether a new refresh token was issued and stored after <see cref="Revocation"/> fired.</summary>
    public bool Reissued { get; set; }

    public void CountBefore()
    {
        foreach (string module in Modules)
        {
            _before[module] = Bench.Org.Count(module);
        }
    }
}
