using ZohoCrm.Client;
using ZohoCrm.Simulator;

namespace ZohoDsr.Local.Hosting;

/// <summary>The in-process simulator behind a host with no real org: the simulator, its demo org and what was planted.</summary>
public sealed record DemoEnvironment(SimulatorHost Simulator, SimOrg Org, string OrgId, SeedResult Seed)
{
    /// <summary>
    /// Starts the simulator on a free loopback port with the demo org seeded, and adds the org to
    /// <paramref name="settings"/> and its client secret and refresh token to <paramref name="tokenStore"/>.
    /// </summary>
    public static async Task<DemoEnvironment> StartAsync(LocalHostOptions options, Dictionary<string, string?> settings, InMemoryZohoTokenStore tokenStore, CancellationToken cancellationToken)
    {
        SimulatorHost simulator = await SimulatorHost.StartAsync(options.SimulatorOptions, cancellationToken).ConfigureAwait(false);
        try
        {
            const string orgId = LocalHostOptions.DemoOrgId;
            const string dataCenter = "US";
            SimOrg org = simulator.AddOrg(new SimOrgSpec { OrgId = orgId, DataCenter = dataCenter });
            SeedResult seed = org.Seed(options.DemoSeed);

            string prefix = $"{ZohoCrmClientOptions.SectionName}:Orgs:{orgId}";
            settings[$"{prefix}:DataCenter"] = dataCenter;
            settings[$"{prefix}:AccountsUrl"] = simulator.AccountsUrl(dataCenter).ToString();
            settings[$"{prefix}:ClientId"] = org.ClientId;
            settings[$"{prefix}:Edition"] = "Enterprise";
            tokenStore.SetCredentials(orgId, org.ClientSecret, org.RefreshToken);
            return new DemoEnvironment(simulator, org, orgId, seed);
        }
        catch
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
