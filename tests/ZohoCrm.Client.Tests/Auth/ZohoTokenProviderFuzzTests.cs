using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace ZohoCrm.Client.Tests.Auth;

/// <summary>
/// The token provider's public calls against hostile token-endpoint answers (hand-written and generated): a token or a
/// <see cref="ZohoApiException"/>, never another exception, never a hang.
/// </summary>
public sealed class ZohoTokenProviderFuzzTests(ITestOutputHelper output)
{
    private const int GeneratedCases = 60;

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);

    private static readonly FakeHandler NoApi = new((_, _) => throw new InvalidOperationException("no API call expected"));

    private static readonly Dictionary<string, Func<ZohoTokenProvider, CancellationToken, Task>> Calls = new()
    {
        ["GetAccessTokenAsync"] = (t, ct) => t.GetAccessTokenAsync(ClientHarness.OrgId, null, ct),
        ["ExchangeCodeAsync"] = (t, ct) => t.ExchangeCodeAsync(ClientHarness.OrgId, "1000.grant", null, ct),
        ["RevokeAsync"] = (t, ct) => t.RevokeAsync(ClientHarness.OrgId, ct),
    };

    public static TheoryData<string> Methods => [.. Calls.Keys];

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Method_HostileTokenAnswers_TokenOrZohoApiException(string method)
    {
        var fuzzer = new ZohoBodyFuzzer(ZohoCrmClientFuzzTests.StableSeed("token " + method));
        IEnumerable<FuzzCase> cases = HostileAnswers.All.Concat(Enumerable.Range(0, GeneratedCases).Select(fuzzer.Next));
        foreach (FuzzCase fuzz in cases)
        {
            await RunAsync(method, fuzz);
        }
    }

    [Theory]
    [InlineData("ftp://www.zohoapis.com")]
    [InlineData("http://www.zohoapis.com")]
    [InlineData("https://user@www.zohoapis.com")]
    [InlineData("not a url")]
    public async Task GetAccessToken_ApiDomainNotHttps_RefusedAndNotUsed(string apiDomain)
    {
        var token = new FakeHandler((_, _) => FakeHandler.Json(System.Net.HttpStatusCode.OK, $$"""{"access_token":"1000.a","api_domain":"{{apiDomain}}","expires_in":3600}"""));
        await using ClientHarness harness = ClientHarness.Create(org => org.DataCenter = "EU", services: s => s.AddHttpClient(ZohoTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => token));
        harness.Store.SetCredentials(ClientHarness.OrgId, "secret-value-0123456789", "1000.refresh.0123456789");

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Tokens.GetAccessTokenAsync(ClientHarness.OrgId));

        Assert.Contains("api_domain", error.Message);
        Assert.Null(await harness.Store.GetAccessTokenAsync(ClientHarness.OrgId));
    }

    private async Task RunAsync(string method, FuzzCase fuzz)
    {
        var token = new FakeHandler((_, call) => fuzz.AnswerFor(call).ToResponse());
        await using ClientHarness harness = ClientHarness.WithFakes(NoApi, token, seedAccessToken: false, configure: o => o.MaxTransientRetries = 1);
        harness.Provider.GetRequiredService<IOptions<ZohoCrmClientOptions>>().Value.Orgs[ClientHarness.OrgId].RedirectUri = new Uri("https://dsr.example.org/cb");
        using var stop = new CancellationTokenSource();
        Task call = Calls[method](harness.Tokens, stop.Token);
        try
        {
            await call.WaitAsync(CallTimeout);
        }
        catch (TimeoutException)
        {
            await stop.CancelAsync();
            Assert.Fail($"{method} did not finish within {CallTimeout} ({token.Calls} calls) for {fuzz}");
        }
        catch (ZohoApiException)
        {
            // The one failure the contract allows.
        }
        catch (Exception ex)
        {
            output.WriteLine(ex.ToString());
            Assert.Fail($"{method} threw {ex.GetType().Name} ({ex.Message}) for {fuzz}");
        }
    }
}
