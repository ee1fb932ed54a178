using System.Net;

namespace ZohoCrm.Simulator.Tests;

public sealed class SimFaultsTests : IAsyncLifetime
{
    private TestSim _sim = null!;
    private SimOrg _org = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _sim = await TestSim.StartAsync();
        _org = _sim.Host.AddOrg(new SimOrgSpec { OrgId = "faults" });
        _token = await _sim.AccessTokenAsync(_org);
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Rate429_One_TooManyRequestsCounted()
    {
        _org.Faults.Rate429 = 1;

        using var response = await _sim.GetAsync(_org, _token, "org");

        await TestSim.AssertErrorAsync(response, 429, "TOO_MANY_REQUESTS");
        Assert.Equal(1, _org.Counters.ThrottledCalls);
        Assert.Equal(1, _org.Counters.FaultsInjected);
    }

    [Fact]
    public async Task Rate500_One_InternalError()
    {
        _org.Faults.Rate500 = 1;

        using var response = await _sim.GetAsync(_org, _token, "org");

        var json = await TestSim.AssertErrorAsync(response, 500, "INTERNAL_ERROR");
        Assert.Equal("Internal Server Error", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Rate503_One_ServiceUnavailable()
    {
        _org.Faults.Rate503 = 1;

        using var response = await _sim.GetAsync(_org, _token, "org");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task RateTimeout_One_HangsUntilClientGivesUp()
    {
        _org.Faults.RateTimeout = 1;
        using var cts = new CancellationTokenSource();

        var call = _sim.GetAsync(_org, _token, "org", cancellationToken: cts.Token);
        _sim.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.False(call.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task RateDropConnection_One_ConnectionAborted()
    {
        _org.Faults.RateDropConnection = 1;

        await Assert.ThrowsAsync<HttpRequestException>(() => _sim.GetAsync(_org, _token, "org"));
    }

    [Fact]
    public async Task Latency_HoldsCallUntilFakeTimeAdvances()
    {
        _org.Faults.LatencyMin = TimeSpan.FromSeconds(3);
        _org.Faults.LatencyMax = TimeSpan.FromSeconds(3);

        var call = _sim.GetAsync(_org, _token, "org");
        await _org.Counters.WaitForHeldAsync(1).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(call.IsCompleted);
        _sim.Time.Advance(TimeSpan.FromSeconds(3));
        using var response = await call;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Draw_SameSeed_SameFaultSequence()
    {
        var a = new SimFaults { Rate500 = 0.3, Rate429 = 0.3 };
        var b = new SimFaults { Rate500 = 0.3, Rate429 = 0.3 };

        var first = Enumerable.Range(0, 50).Select(_ => a.Draw().Fault).ToList();
        var second = Enumerable.Range(0, 50).Select(_ => b.Draw().Fault).ToList();

        Assert.Equal(first, second);
        Assert.Contains(FaultKind.None, first);
        Assert.Contains(FaultKind.InternalError, first);
        Assert.Contains(FaultKind.TooManyRequests, first);
    }

    [Fact]
    public async Task Clear_AfterFaults_CallsSucceed()
    {
        _org.Faults.Rate500 = 1;
        _org.Faults.Clear();

        using var response = await _sim.GetAsync(_org, _token, "org");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
