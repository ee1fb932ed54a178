using ZohoCrm.Simulator;

using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests.Support;

/// <summary>
/// A simulator with two small seeded orgs (every planted subject): <see cref="Open"/> with no private fields and
/// <see cref="Restricted"/> whose Contacts.Email is private and restricted, and one Core host over both. For tests that
/// read; tests that delete make their own org.
/// </summary>
public sealed class SeededOrgsFixture : IAsyncLifetime
{
    private readonly SimulatorFixture _simulator = new();

    public SimOrg Open { get; private set; } = null!;

    public SeedResult OpenSeed { get; private set; } = null!;

    public SimOrg Restricted { get; private set; } = null!;

    public SeedResult RestrictedSeed { get; private set; } = null!;

    public CoreTestHost Host { get; private set; } = null!;

    public SimulatorHost Simulator => _simulator.Host;

    /// <summary>A new, empty org on the same simulator, for tests that write or delete.</summary>
    public SimOrg NewOrg() => _simulator.NewOrg();

    public async Task InitializeAsync()
    {
        await _simulator.InitializeAsync();
        Open = _simulator.NewOrg();
        OpenSeed = Open.Seed(SimulatorFixture.SmallSeed);
        Restricted = _simulator.NewOrg(["Contacts.Email"]);
        RestrictedSeed = Restricted.Seed(SimulatorFixture.SmallSeed with { Contacts = 60, Leads = 20, Cases = 20 });
        Host = CoreTestHost.Create(_simulator.Host, [Open, Restricted]);
    }

    public async Task DisposeAsync()
    {
        Host.Dispose();
        await _simulator.DisposeAsync();
    }
}
