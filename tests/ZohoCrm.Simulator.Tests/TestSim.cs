using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace ZohoCrm.Simulator.Tests;

/// <summary>A simulator on 127.0.0.1:0 with a fake clock, and a raw HttpClient speaking Zoho's wire format to it.</summary>
internal sealed class TestSim : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private TestSim(SimulatorHost host, FakeTimeProvider time)
    {
        Host = host;
        Time = time;
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    public SimulatorHost Host { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; }

    public static async Task<TestSim> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var time = new FakeTimeProvider(Start);
        var options = new SimulatorOptions { TimeProvider = time };
        configure?.Invoke(options);
        return new TestSim(await SimulatorHost.StartAsync(options), time);
    }

    public Uri TokenUrl(string dataCenter) => new(Host.AccountsUrl(dataCenter) + "/oauth/v2/token");

    public async Task<JsonElement> TokenAsync(SimOrg org, string? refreshToken = null, string? dataCenter = null)
    {
        using var response = await Http.PostAsync(TokenUrl(dataCenter ?? org.DataCenter), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = org.ClientId,
            ["client_secret"] = org.ClientSecret,
            ["refresh_token"] = refreshToken ?? org.RefreshToken,
        }));
        Assert.Equal(200, (int)response.StatusCode);
        return await JsonAsync(response);
    }

    public async Task<string> AccessTokenAsync(SimOrg org, string? refreshToken = null)
    {
        var json = await TokenAsync(org, refreshToken);
        return json.GetProperty("access_token").GetString()!;
    }

    public Uri Crm(SimOrg org, int version, string relative) => new($"{Host.ApiDomain(org.DataCenter)}/crm/v{version}/{relative}");

    public Task<HttpResponseMessage> GetAsync(SimOrg org, string token, string relative, int version = 2, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, Crm(org, version, relative), token, null, cancellationToken);

    public Task<HttpResponseMessage> DeleteAsync(SimOrg org, string token, string relative, int version = 2) =>
        SendAsync(HttpMethod.Delete, Crm(org, version, relative), token, null);

    public Task<HttpResponseMessage> CoqlAsync(SimOrg org, string token, string query, int version = 2) =>
        SendAsync(HttpMethod.Post, Crm(org, version, "coql"), token, JsonSerializer.Serialize(new Dictionary<string, string> { ["select_query"] = query }));

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, string token, string? jsonBody, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Zoho-oauthtoken", token);
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        return await Http.SendAsync(request, cancellationToken);
    }

    /// <summary>An address of the simulator's admin surface (<c>__sim/...</c>).</summary>
    public Uri Admin(string relative) => new(Host.BaseUri, "__sim/" + relative);

    public Task<HttpResponseMessage> AdminGetAsync(string relative) => Http.GetAsync(Admin(relative));

    public Task<HttpResponseMessage> AdminPostAsync(string relative, string json) =>
        Http.PostAsync(Admin(relative), new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a Zoho error envelope: status, code, and a details object.</summary>
    public static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, int status, string code)
    {
        var json = await JsonAsync(response);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, json.GetProperty("code").GetString());
        Assert.Equal("error", json.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Object, json.GetProperty("details").ValueKind);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("message").GetString()));
        return json;
    }

    public static List<string> Ids(JsonElement json) =>
        [.. json.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
