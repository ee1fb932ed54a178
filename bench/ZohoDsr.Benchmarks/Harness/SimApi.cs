using System.Net.Http.Headers;
using System.Text.Json;

namespace ZohoDsr.Benchmarks.Harness;

/// <summary>
/// Raw HTTP to one simulator org's CRM API, the way a hand-written integration (the seed's) calls it: a refresh-token grant
/// for an access token, then <c>{api_domain}/crm/v2/...</c> with the <c>Zoho-oauthtoken</c> header.
/// </summary>
public sealed class SimApi : IDisposable
{
    private readonly HttpClient _http;

    private SimApi(HttpClient http, Uri baseUri)
    {
        _http = http;
        BaseUri = baseUri;
    }

    /// <summary><c>{api_domain}/crm/v2/</c>.</summary>
    public Uri BaseUri { get; }

    public static async Task<SimApi> ConnectAsync(BenchOrg org, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(org);
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }, disposeHandler: true) { Timeout = TimeSpan.FromMinutes(2) };
        try
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = org.Org.ClientId,
                ["client_secret"] = org.Org.ClientSecret,
                ["refresh_token"] = org.Org.RefreshToken,
            });
            using HttpResponseMessage response = await http.PostAsync(new Uri(org.Simulator.AccountsUrl(org.Org.DataCenter).AbsoluteUri.TrimEnd('/') + "/oauth/v2/token"), form, cancellationToken).ConfigureAwait(false);
            using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            string token = body.RootElement.TryGetProperty("access_token", out JsonElement t) ? t.GetString()! : throw new InvalidOperationException("The token endpoint answered without an access token.");
            string apiDomain = body.RootElement.GetProperty("api_domain").GetString()!;
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Zoho-oauthtoken", token);
            return new SimApi(http, new Uri(apiDomain.TrimEnd('/') + "/crm/v2/"));
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public Task<HttpResponseMessage> GetAsync(string relative, CancellationToken cancellationToken)
        => _http.GetAsync(new Uri(BaseUri, relative), cancellationToken);

    public Task<HttpResponseMessage> DeleteAsync(string relative, CancellationToken cancellationToken)
        => _http.DeleteAsync(new Uri(BaseUri, relative), cancellationToken);

    public void Dispose() => _http.Dispose();
}
