using Microsoft.Extensions.DependencyInjection;
using ZohoCrm.Simulator;

namespace ZohoCrm.Client.Tests.Integration;

/// <summary>One simulator on 127.0.0.1:0 for the integration tests; each test adds its own org.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    private int _orgs;

    public SimulatorHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await SimulatorHost.StartAsync(new SimulatorOptions { SearchIndexDelay = TimeSpan.Zero, RandomSeed = 7 }, CancellationToken.None);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Adds a fresh org (unique id) to the simulator.</summary>
    internal SimOrg NewOrg(Func<SimOrgSpec, SimOrgSpec>? customise = null)
    {
        var spec = new SimOrgSpec { OrgId = "org" + Interlocked.Increment(ref _orgs).ToString(System.Globalization.CultureInfo.InvariantCulture), ConcurrencyLimit = 200 };
        return Host.AddOrg(customise is null ? spec : customise(spec));
    }

    /// <summary>A client harness wired to <paramref name="org"/> through configuration, as an application would be.</summary>
    internal ClientHarness Connect(
        SimOrg org,
        ZohoCrmClientOptions.ServiceVersion version = ZohoCrmClientOptions.ServiceVersion.V8,
        Action<ZohoCrmClientOptions>? configure = null,
        string? refreshToken = null,
        Action<IServiceCollection>? services = null,
        TimeProvider? time = null)
    {
        ClientHarness harness = ClientHarness.Create(
            o =>
            {
                o.DataCenter = org.DataCenter;
                o.AccountsUrl = Host.AccountsUrl(org.DataCenter);
                o.ClientId = org.ClientId;
                o.Version = version;
                o.RedirectUri = new Uri("https://dsr.example.org/oauth/callback");
            },
            configure,
            time,
            services);
        harness.Store.SetCredentials(ClientHarness.OrgId, org.ClientSecret, refreshToken ?? org.RefreshToken);
        return harness;
    }
}
