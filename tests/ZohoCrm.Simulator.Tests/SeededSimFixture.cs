namespace ZohoCrm.Simulator.Tests;

/// <summary>One seeded org (2,300 contacts, every planted subject) shared by read-only tests.</summary>
public sealed class SeededSimFixture : IAsyncLifetime
{
    internal TestSim Sim { get; private set; } = null!;

    internal SimOrg Org { get; private set; } = null!;

    internal SeedResult Seed { get; private set; } = null!;

    internal string Token { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sim = await TestSim.StartAsync();
        Org = Sim.Host.AddOrg(new SimOrgSpec { OrgId = "seeded", DataCenter = "EU" });
        Seed = Org.Seed(new SeedSpec { Contacts = 2_300, Leads = 300, Cases = 200, RelatedPerContact = 2, PlantOver2000Subject = true });
        Token = await Sim.AccessTokenAsync(Org);
    }

    public async Task DisposeAsync() => await Sim.DisposeAsync();
}
