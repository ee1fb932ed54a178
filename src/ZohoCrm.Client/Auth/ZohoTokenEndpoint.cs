using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ZohoCrm.Client;

/// <summary>
/// The wire side of <see cref="ZohoTokenProvider"/>: posts token requests to an accounts server, reads Zoho's answers (the
/// body decides, whatever the status), and keeps each org's budget of token requests per window, refusing locally the one
/// that would go past Zoho's limit. One attempt per call: whether to try again is the provider's decision.
/// </summary>
internal sealed class ZohoTokenEndpoint(Func<HttpClient> httpClient, IOptions<ZohoCrmClientOptions> options, TimeProvider timeProvider, ILogger logger)
{
    private const string TokenPath = "/oauth/v2/token";

    /// <summary>The longest <c>expires_in</c> believed (a day; Zoho's access tokens live an hour).</summary>
    private const long MaxTokenLifetimeSeconds = 86_400;

    /// <summary>One token request (refresh or code exchange), counted against <paramref name="budget"/> before it is sent.</summary>
    /// <param name="orgId">The org, for messages and logs.</param>
    /// <param name="budget">When the org's recent token requests were sent.</param>
    /// <param name="accountsUrl">The accounts server, without a trailing '/'.</param>
    /// <param name="fallbackApiDomain">The API domain to use when the answer names none (the org's data centre's), if known.</param>
    /// <param name="form">The grant's form fields.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ZohoTokenResponse> RequestAsync(string orgId, Queue<DateTimeOffset> budget, string accountsUrl, Uri? fallbackApiDomain, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        Reserve(orgId, budget);
        long started = timeProvider.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(accountsUrl + TokenPath))
        {
            Content = new FormUrlEncodedContent(form),
        };
        (int status, byte[] body) = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        using JsonDocument? document = ZohoJson.ParseObject(body);
        if (document is null || ZohoJson.GetString(document.RootElement, "access_token") is not string accessToken)
        {
            throw Failure(orgId, status, document?.RootElement, body);
        }

        // Legacy form: expires_in_sec in seconds and expires_in in milliseconds; current form: expires_in in seconds.
        JsonElement root = document.RootElement;
        long seconds = Math.Clamp(ZohoJson.GetInt64(root, "expires_in_sec") ?? ZohoJson.GetInt64(root, "expires_in") ?? 3600, 0, MaxTokenLifetimeSeconds);
        Uri domain = ApiDomainOf(orgId, status, ZohoJson.GetString(root, "api_domain"), accountsUrl, fallbackApiDomain);

        var token = new ZohoAccessToken(accessToken, domain, timeProvider.GetUtcNow().AddSeconds(seconds));
        Log.AccessTokenObtained(logger, orgId, timeProvider.GetElapsedTime(started));
        return new ZohoTokenResponse(token, ZohoJson.GetString(root, "refresh_token"));
    }

    /// <summary>
    /// The API domain the answer names, where the access token will be sent: an https server (http only when the accounts
    /// server itself is plain http, i.e. a local simulator), with no user info, query or fragment. None named: the data
    /// centre's.
    /// </summary>
    private static Uri ApiDomainOf(string orgId, int status, string? named, string accountsUrl, Uri? fallback)
    {
        if (named is null)
        {
            return fallback ?? throw new ZohoApiException(status, null, $"Zoho's token answer for org '{orgId}' names no api_domain, and the org's data centre is not a known one.");
        }

        bool plainAccounts = accountsUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        return Uri.TryCreate(named, UriKind.Absolute, out Uri? domain)
            && (domain.Scheme == Uri.UriSchemeHttps || (plainAccounts && domain.Scheme == Uri.UriSchemeHttp))
            && domain.UserInfo.Length == 0 && domain.Query.Length == 0 && domain.Fragment.Length == 0
            ? domain
            : throw new ZohoApiException(status, null, $"Zoho's token answer for org '{orgId}' names an api_domain that is not an https server; the token was not used.");
    }

    /// <summary><c>POST {accounts}/oauth/v2/token/revoke?token=</c>; throws unless Zoho confirms.</summary>
    public async Task RevokeAsync(string orgId, string accountsUrl, string refreshToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(accountsUrl + TokenPath + "/revoke?token=" + Uri.EscapeDataString(refreshToken)));
        (int status, byte[] body) = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        using JsonDocument? document = ZohoJson.ParseObject(body);
        if (status is < 200 or >= 300 || (document is not null && ZohoJson.GetString(document.RootElement, "error") is not null))
        {
            throw Failure(orgId, status, document?.RootElement, body);
        }
    }

    /// <summary>How many token requests of <paramref name="budget"/> fall in the current window.</summary>
    public int CountInWindow(Queue<DateTimeOffset> budget)
    {
        lock (budget)
        {
            Prune(budget, timeProvider.GetUtcNow() - options.Value.TokenRequestWindow);
            return budget.Count;
        }
    }

    private async Task<(int Status, byte[] Body)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using HttpResponseMessage response = await httpClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return ((int)response.StatusCode, body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ZohoErrorMapper.IsTransportFailure(ex))
        {
            throw ZohoErrorMapper.FromTokenTransport(ex);
        }
    }

    private ZohoApiException Failure(string orgId, int status, JsonElement? root, byte[] body)
    {
        ZohoApiException error = ZohoErrorMapper.FromTokenAnswer(orgId, status, root, body);
        if (error is ZohoThrottledException)
        {
            Log.TokenEndpointThrottled(logger, orgId);
        }
        else
        {
            Log.TokenRequestFailed(logger, orgId, status, error.Code);
        }

        return error;
    }

    private void Reserve(string orgId, Queue<DateTimeOffset> budget)
    {
        ZohoCrmClientOptions settings = options.Value;
        DateTimeOffset now = timeProvider.GetUtcNow();
        lock (budget)
        {
            Prune(budget, now - settings.TokenRequestWindow);
            if (budget.Count >= settings.MaxTokenRequestsPerWindow)
            {
                // Not a guess: the exact time this client's own window frees a request.
                TimeSpan retryAfter = budget.Peek() + settings.TokenRequestWindow - now;
                Log.TokenBudgetExhausted(logger, orgId, budget.Count);
                throw new ZohoThrottledException(
                    0,
                    ZohoErrorCodes.AccessDenied,
                    $"Token request for org '{orgId}' refused by the client: {budget.Count} token requests in the last {settings.TokenRequestWindow}, Zoho allows {settings.MaxTokenRequestsPerWindow}.",
                    retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.Zero);
            }

            budget.Enqueue(now);
        }
    }

    private static void Prune(Queue<DateTimeOffset> requests, DateTimeOffset windowStart)
    {
        while (requests.Count > 0 && requests.Peek() <= windowStart)
        {
            requests.Dequeue();
        }
    }
}
