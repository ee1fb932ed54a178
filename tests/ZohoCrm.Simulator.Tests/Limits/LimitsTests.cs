using System.Net;

namespace ZohoCrm.Simulator.Tests.Limits;

public sealed class LimitsTests : IAsyncLifetime
{
    private TestSim _sim = null!;

    public async Task InitializeAsync() => _sim = await TestSim.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Credits_BudgetSpent_TooManyRequestsWithoutRetryAfterUntilWindowRolls()
    {
        var org = _sim.Host.AddOrg(new SimOrgSpec { OrgId = "credits", DailyCreditLimit = 5 });
        org.Seed(new SeedSpec { Contacts = 10, Leads = 1, Cases = 1, PlantSubjects = false });
        var token = await _sim.AccessTokenAsync(org);
        for (var i = 0; i < 5; i++)
        {
            using var ok = await _sim.GetAsync(org, token, "Contacts?per_page=1");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var throttled = await _sim.GetAsync(org, token, "Contacts?per_page=1");
        _sim.Time.Advance(TimeSpan.FromHours(24));
        token = await _sim.AccessTokenAsync(org);
        using var later = await _sim.GetAsync(org, token, "Contacts?per_page=1");

        await TestSim.AssertErrorAsync(throttled, 429, "TOO_MANY_REQUESTS");
        Assert.False(throttled.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(1, org.Counters.ThrottledCalls);
        Assert.Equal(6, org.Counters.CreditsUsed);
    }

    [Fact]
    public async Task Concurrency_BurstOverEnterpriseLimit_429sAndPeakShowsBurst()
    {
        var org = _sim.Host.AddOrg(new SimOrgSpec { OrgId = "burst", Edition = ZohoEdition.Enterprise });
        var token = await _sim.AccessTokenAsync(org);
        org.Faults.LatencyMin = TimeSpan.FromSeconds(5);
        org.Faults.LatencyMax = TimeSpan.FromSeconds(5);

        var held = Enumerable.Range(0, 20).Select(_ => _sim.GetAsync(org, token, "org")).ToList();
        await org.Counters.WaitForHeldAsync(20).WaitAsync(TimeSpan.FromSeconds(20));
        var extra = Enumerable.Range(0, 5).Select(_ => _sim.GetAsync(org, token, "org")).ToList();
        var rejected = await Task.WhenAll(extra);
        _sim.Time.Advance(TimeSpan.FromSeconds(5));
        var admitted = await Task.WhenAll(held);

        Assert.All(rejected, r => Assert.Equal((HttpStatusCode)429, r.StatusCode));
        Assert.All(admitted, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(5, org.Counters.ThrottledCalls);
        Assert.InRange(org.Counters.PeakConcurrency, 21, 25);
        Assert.Equal(0, org.Counters.CurrentConcurrency);
        foreach (var r in rejected.Concat(admitted))
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task SubConcurrency_EleventhCoql_TooManyRequests()
    {
        var org = _sim.Host.AddOrg(new SimOrgSpec { OrgId = "subconc" });
        org.Seed(new SeedSpec { Contacts = 10, Leads = 1, Cases = 1 });
        var token = await _sim.AccessTokenAsync(org);
        org.Faults.LatencyMin = TimeSpan.FromSeconds(2);
        org.Faults.LatencyMax = TimeSpan.FromSeconds(2);

        var held = Enumerable.Range(0, 10).Select(_ => _sim.CoqlAsync(org, token, "select Email from Contacts where Email = 'maria.exact@example.com'")).ToList();
        await org.Counters.WaitForHeldAsync(10).WaitAsync(TimeSpan.FromSeconds(20));
        using var eleventh = await _sim.CoqlAsync(org, token, "select Email from Contacts where Email = 'maria.exact@example.com'");
        var plainTask = _sim.GetAsync(org, token, "org");
        await org.Counters.WaitForHeldAsync(11).WaitAsync(TimeSpan.FromSeconds(20));
        _sim.Time.Advance(TimeSpan.FromSeconds(2));
        var admitted = await Task.WhenAll(held);
        using var plain = await plainTask;

        await TestSim.AssertErrorAsync(eleventh, 429, "TOO_MANY_REQUESTS");
        Assert.All(admitted, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
    }

    [Theory]
    [InlineData(ZohoEdition.Free, 0, 5_000)]
    [InlineData(ZohoEdition.Standard, 10, 52_500)]
    [InlineData(ZohoEdition.Standard, 1_000, 100_000)]
    [InlineData(ZohoEdition.Professional, 10, 55_000)]
    [InlineData(ZohoEdition.Enterprise, 10, 60_000)]
    [InlineData(ZohoEdition.Ultimate, 10, 70_000)]
    public void DailyCredits_Edition_ReferenceFormula(ZohoEdition edition, int licenses, long expected) =>
        Assert.Equal(expected, Simulator.Limits.EditionLimits.DailyCredits(edition, licenses));

    [Theory]
    [InlineData(ZohoEdition.Free, 5)]
    [InlineData(ZohoEdition.Standard, 10)]
    [InlineData(ZohoEdition.Professional, 15)]
    [InlineData(ZohoEdition.Enterprise, 20)]
    [InlineData(ZohoEdition.Ultimate, 25)]
    public void Concurrency_Edition_ReferenceFigure(ZohoEdition edition, int expected) =>
        Assert.Equal(expected, Simulator.Limits.EditionLimits.Concurrency(edition));
}
