using ZohoCrm.Simulator;

namespace ZohoDsr.Local.Hosting;

/// <summary>The in-process simulator behind a host with no real org: the simulator, its demo org and what was planted.</summary>
public sealed record DemoEnvironment(SimulatorHost Simulator, SimOrg Org, string OrgId, SeedResult Seed);
