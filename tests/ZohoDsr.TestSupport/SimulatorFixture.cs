using ZohoCrm.Simulator;

using Xunit;

namespace ZohoDsr.TestSupport;

/// <summary>A Zoho CRM simulator on 127.0.0.1:0 for one test class; each test adds its own org(s).</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    private static int _next;

    public SimulatorHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
        => Host = await SimulatorHost.StartAsync(new SimulatorOptions { SearchIndexDelay = TimeSpan.FromHours(1) });

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A new org with a unique id.</summary>
    public SimOrg NewOrg(IReadOnlyList<string>? restrictedFields = null)
    {
        SimOrg org = Host.AddOrg(new SimOrgSpec
        {
            OrgId = "7700" + Interlocked.Increment(ref _next).ToString("D8", System.Globalization.CultureInfo.InvariantCulture),
            RestrictedFields = restrictedFields ?? [],
        });
        TestLogCapture.Forbid($"org {org.OrgId}'s client secret", org.ClientSecret);
        return org;
    }

    /// <summary>A small seed: quick to create, with every planted subject.</summary>
    public static SeedSpec SmallSeed { get; } = new() { Contacts = 120, Leads = 60, Cases = 40, RelatedPerContact = 1 };
}
