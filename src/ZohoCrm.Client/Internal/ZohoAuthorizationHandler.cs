using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ZohoCrm.Client;

/// <summary>
/// Authorisation, one stage of the client's pipeline: takes a request whose URI is relative to the org's API domain
/// (<c>crm/v8/Contacts?...</c>), asks <see cref="ZohoTokenProvider"/> for the org's access token, addresses the request to
/// the token's <c>api_domain</c> with <c>Authorization: Zoho-oauthtoken …</c>, and, when Zoho answers 401
/// <c>INVALID_TOKEN</c>, refreshes the token once and sends the request once more. Any other answer passes through.
/// </summary>
internal sealed class ZohoAuthorizationHandler(ZohoTokenProvider tokenProvider, ILogger logger) : DelegatingHandler
{
    private const string Scheme = "Zoho-oauthtoken";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(ZohoRequestOptions.OrgId, out string? orgId) || request.RequestUri is not { IsAbsoluteUri: false } path)
        {
            throw new InvalidOperationException("A Zoho CRM request needs its org id and a URI relative to the API domain.");
        }

        // The body is kept to send a second copy should the token be refused (only COQL has one, a few hundred bytes).
        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        ZohoAccessToken token = await tokenProvider.GetAccessTokenAsync(orgId, rejectedToken: null, cancellationToken).ConfigureAwait(false);
        Authorize(request, path, token);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!await IsInvalidTokenAsync(response, cancellationToken).ConfigureAwait(false))
        {
            return response;
        }

        response.Dispose();
        Log.AccessTokenRejected(logger, orgId);
        ZohoAccessToken fresh = await tokenProvider.GetAccessTokenAsync(orgId, token.Token, cancellationToken).ConfigureAwait(false);
        HttpRequestMessage second = Copy(request, body);
        Authorize(second, path, fresh);
        return await base.SendAsync(second, cancellationToken).ConfigureAwait(false);
    }

    private static void Authorize(HttpRequestMessage request, Uri path, ZohoAccessToken token)
    {
        request.RequestUri = new Uri(string.Concat(token.ApiDomain.OriginalString.AsSpan().TrimEnd('/'), "/", path.OriginalString));
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", Scheme + " " + token.Token);
    }

    private static async Task<bool> IsInvalidTokenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return false;
        }

        // Buffered, so the caller can still read the body when the 401 is another code (OAUTH_SCOPE_MISMATCH, ...).
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using JsonDocument? document = ZohoJson.ParseObject(body);
        return document is not null && ZohoJson.GetString(document.RootElement, "code") == ZohoErrorCodes.InvalidToken;
    }

    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (KeyValuePair<string, object?> option in request.Options)
        {
            copy.Options.Set(new HttpRequestOptionsKey<object?>(option.Key), option.Value);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            copy.Content.Headers.ContentType = request.Content?.Headers.ContentType is MediaTypeHeaderValue type ? new MediaTypeHeaderValue(type.MediaType!) { CharSet = type.CharSet } : null;
        }

        return copy;
    }
}
