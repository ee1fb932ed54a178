using ZohoCrm.Simulator;

namespace ZohoDsr.Benchmarks.Harness;

/// <summary>A simulator org and the configuration a host needs to call it as a Zoho org (its client, secrets, edition).</summary>
public sealed record BenchOrg(SimulatorHost Simulator, SimOrg Org)
{
    public string OrgId => Org.OrgId;

    /// <summary>The edition's name as <c>Zoho:Orgs:{id}:Edition</c> takes it (the simulator's edition of the org).</summary>
    public string Edition => Org.Edition.ToString();

    /// <summary>The org's <c>Zoho:Orgs:{id}:*</c> settings, secrets included (they are the simulator's own).</summary>
    public IReadOnlyDictionary<string, string> Settings()
    {
        string prefix = $"Zoho:Orgs:{Org.OrgId}:";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [prefix + "ClientId"] = Org.ClientId,
            [prefix + "ClientSecret"] = Org.ClientSecret,
            [prefix + "RefreshToken"] = Org.RefreshToken,
            [prefix + "AccountsUrl"] = Simulator.AccountsUrl(Org.DataCenter).ToString(),
            [prefix + "DataCenter"] = Org.DataCenter,
            [prefix + "Edition"] = Edition,
        };
    }

    /// <summary>The gate's cap on the org's calls in flight: the edition's concurrency times the client's budget fraction.</summary>
    public int GateCap => Harness.GateCap.For(Edition);

    /// <summary>Sets a Zoho-like latency on every call: uniform between mean - jitter and mean + jitter.</summary>
    public void SetLatency(TimeSpan mean, TimeSpan jitter)
    {
        Org.Faults.LatencyMin = mean - jitter;
        Org.Faults.LatencyMax = mean + jitter;
    }
}
