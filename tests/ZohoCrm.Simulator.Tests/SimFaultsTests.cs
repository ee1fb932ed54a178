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

    private string SeedOneContact() => _org.InsertRecord("Contacts", new Dictionary<string, object?> { ["Last_Name"] = "Fault", ["Email"] = "fault@example.com" });

    [Fact]
    public async Task Rule_MethodAndPath_OnlyMatchingCallsFault()
    {
        var id = SeedOneContact();
        _org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.InternalError, Method = "DELETE", PathPattern = "/Contacts*" });

        using var get = await _sim.GetAsync(_org, _token, "Contacts/" + id);
        using var otherModule = await _sim.DeleteAsync(_org, _token, "Leads?ids=" + id);
        using var delete = await _sim.DeleteAsync(_org, _token, "Contacts?ids=" + id);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherModule.StatusCode);
        await TestSim.AssertErrorAsync(delete, 500, "INTERNAL_ERROR");
        Assert.True(_org.Exists("Contacts", id));
        Assert.Equal((1, 1), (_org.Faults.Rules[0].Matched, _org.Faults.Rules[0].Fired));
    }

    [Fact]
    public async Task Rule_SkipFirstAndMaxTimes_FaultsOnlyTheChosenCalls()
    {
        _org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.TooManyRequests, PathPattern = "/org", SkipFirst = 1, MaxTimes = 2 });

        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await _sim.GetAsync(_org, _token, "org");
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([200, 429, 429, 200, 200], statuses);
    }

    [Fact]
    public void Rule_SameSeed_SameDecisions()
    {
        static List<FaultKind> Run(int seed)
        {
            var faults = new SimFaults();
            faults.AddRule(new SimFaultRule { Kind = FaultKind.LostAnswerDropConnection, Method = "DELETE", Probability = 0.5, Seed = seed });
            return [.. Enumerable.Range(0, 40).Select(_ => faults.Draw("DELETE", "/Contacts").Fault)];
        }

        Assert.Equal(Run(7), Run(7));
        Assert.NotEqual(Run(7), Run(8));
        Assert.Contains(FaultKind.None, Run(7));
        Assert.Contains(FaultKind.LostAnswerDropConnection, Run(7));
    }

    [Theory]
    [InlineData(FaultKind.None, null, null, 1.0, "Kind")]
    [InlineData(FaultKind.InternalError, "delete", null, 1.0, "Method")]
    [InlineData(FaultKind.InternalError, null, "Contacts", 1.0, "PathPattern")]
    [InlineData(FaultKind.InternalError, null, null, 1.5, "Probability")]
    public void AddRule_Invalid_ArgumentExceptionNamingTheProperty(FaultKind kind, string? method, string? path, double probability, string property)
    {
        var ex = Assert.Throws<ArgumentException>(() => _org.Faults.AddRule(new SimFaultRule { Kind = kind, Method = method, PathPattern = path, Probability = probability }));

        Assert.StartsWith(property + " must", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_org.Faults.Rules);
    }

    [Fact]
    public async Task LostAnswerGatewayTimeout_Delete_AppliedThen504WithoutZohoBody()
    {
        var id = SeedOneContact();
        _org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.LostAnswerGatewayTimeout, Method = "DELETE" });

        using var response = await _sim.DeleteAsync(_org, _token, "Contacts?ids=" + id, 8);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("SUCCESS", body, StringComparison.Ordinal);
        var truth = _org.GetRecordTruth("Contacts", id)!;
        Assert.Equal(RecordTruthState.RecycleBin, truth.State);
        Assert.Equal(FaultKind.LostAnswerGatewayTimeout, truth.DeletedByCall!.AnswerLostBy);
        Assert.Equal(("DELETE", "/Contacts"), (truth.DeletedByCall.Method, truth.DeletedByCall.Path));

        // The client reconciles through the recycle bin, as Zoho's API shows it.
        _org.Faults.Clear();
        using var bin = await _sim.GetAsync(_org, _token, "settings/recycle_bin?ids=" + id, 8);
        Assert.Equal(id, (await TestSim.JsonAsync(bin)).GetProperty("recycle_bin")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task LostAnswerDropConnection_Delete_AppliedThenConnectionDropped()
    {
        var id = SeedOneContact();
        _org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.LostAnswerDropConnection, Method = "DELETE", PathPattern = "/Contacts/*" });

        await Assert.ThrowsAsync<HttpRequestException>(() => _sim.DeleteAsync(_org, _token, "Contacts/" + id));

        Assert.True(_org.IsInRecycleBin("Contacts", id));
        Assert.Equal(FaultKind.LostAnswerDropConnection, _org.GetRecordTruth("Contacts", id)!.DeletedByCall!.AnswerLostBy);
        Assert.Equal(1, _org.Counters.RecordsDeleted);
    }

    [Fact]
    public async Task LostAnswerTimeout_Delete_AppliedThenHangsUntilClientGivesUp()
    {
        var id = SeedOneContact();
        _org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.LostAnswerTimeout, Method = "DELETE" });
        using var cts = new CancellationTokenSource();

        var call = _sim.SendAsync(HttpMethod.Delete, _sim.Crm(_org, 2, "Contacts?ids=" + id), _token, null, cts.Token);
        await _org.Counters.WaitForHeldAsync(1).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(_org.IsInRecycleBin("Contacts", id));
        _sim.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.False(call.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(FaultKind.LostAnswerTimeout, _org.GetRecordTruth("Contacts", id)!.DeletedByCall!.AnswerLostBy);
    }

    [Fact]
    public async Task RevokeRefreshTokens_MidRun_InvalidTokenThenInvalidCodeUntilReissued()
    {
        _org.Faults.AddRule(new SimFaultRule { Kind = FaultKind.RevokeRefreshTokens, SkipFirst = 1, MaxTimes = 1 });
        var oldRefresh = _org.RefreshToken;

        using var first = await _sim.GetAsync(_org, _token, "org");
        using var second = await _sim.GetAsync(_org, _token, "org");
        var refresh = await _sim.TokenAsync(_org, oldRefresh);
        var newRefresh = _org.ReissueRefreshToken();
        var fresh = await _sim.AccessTokenAsync(_org, newRefresh);
        using var third = await _sim.GetAsync(_org, fresh, "org");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await TestSim.AssertErrorAsync(second, 401, "INVALID_TOKEN");
        Assert.Equal("invalid_code", refresh.GetProperty("error").GetString());
        Assert.NotEqual(oldRefresh, newRefresh);
        Assert.Equal(newRefresh, _org.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }
}
