using ZohoDsr.Benchmarks.Harness;

namespace ZohoDsr.Benchmarks.Scenarios.Throughput;

/// <summary>Where a batch goes: one org of an edition, or several orgs, each with a planted subject its requests ask for.</summary>
public sealed record ThroughputConfig(string Name, IReadOnlyList<(BenchOrg Org, PlantedSubjectRecords Subject)> Orgs)
{
    public string Edition => Orgs[0].Org.Edition;

    public int Cap => Orgs[0].Org.GateCap;

    /// <summary>Requests spread round robin over the orgs.</summary>
    public IReadOnlyList<Core.Contracts.DsrRequest> Requests(int count) => Enumerable.Range(0, count)
        .Select(i => Orgs[i % Orgs.Count])
        .Select(o => DsrClient.Request(o.Org.OrgId, o.Subject.Email, Core.Contracts.DsrRequestType.Access))
        .ToList();
}
