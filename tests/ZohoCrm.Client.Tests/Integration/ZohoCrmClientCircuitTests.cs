using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using ZohoCrm.Simulator;

namespace ZohoCrm.Client.Tests.Integration;

/// <summary>The circuit breaker is the org's own: one org's failures must not stop calls to the others.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class ZohoCrmClientCircuitTests(SimulatorFixture fixture)
{
    private const string OtherOrgId = "org2";

    [Fact]
    public async Task CircuitBreaker_OneOrgFailing_OpensForThatOrgOnly()
    {
        SimOrg failing = fixture.NewOrg();
        SimOrg healthy = fixture.NewOrg();
        Assert.Equal(failing.DataCenter, healthy.DataCenter); // same API host: a breaker per host would stop both
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow); // the breaker stays open: no break duration runs out mid-test
        await using ClientHarness harness = fixture.Connect(
            failing,
            configure: o =>
            {
                o.MaxTransientRetries = 0;
                o.Orgs[OtherOrgId] = new ZohoOrgOptions
                {
                    ClientId = healthy.ClientId,
                    DataCenter = healthy.DataCenter,
                    AccountsUrl = fixture.Host.AccountsUrl(healthy.DataCenter),
                };
            },
            time: clock);
        harness.Store.SetCredentials(OtherOrgId, healthy.ClientSecret, healthy.RefreshToken);
        ZohoCrmClient failingClient = harness.Factory.GetClient(ClientHarness.OrgId);
        await harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId);
        failing.Faults.Rate500 = 1;

        ZohoApiException? open = null;
        for (int i = 0; i < 500 && open is null; i++)
        {
            ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => failingClient.GetOrgAsync());
            open = error.InnerException is BrokenCircuitException ? error : null;
        }

        Assert.NotNull(open);
        long failingCalls = failing.Counters.TotalCalls;
        ZohoApiException refused = await Assert.ThrowsAsync<ZohoApiException>(() => failingClient.GetOrgAsync());
        Assert.IsType<BrokenCircuitException>(refused.InnerException);
        Assert.Equal(failingCalls, failing.Counters.TotalCalls);

        ZohoOrg served = await harness.Factory.GetClient(OtherOrgId).GetOrgAsync();

        Assert.False(string.IsNullOrEmpty(served.Id));
        Assert.Equal(1, healthy.Counters.TotalCalls);
    }
}
