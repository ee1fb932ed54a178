namespace ZohoCrm.Client;

/// <summary>An access token with the API domain it is valid for and when it expires.</summary>
/// <param name="Token">The token sent as <c>Authorization: Zoho-oauthtoken {Token}</c>.</param>
/// <param name="ApiDomain">The token response's <c>api_domain</c>; the CRM base URL is <c>{ApiDomain}/crm/{version}</c>.</param>
/// <param name="ExpiresAt">When Zoho stops accepting the token.</param>
public sealed record ZohoAccessToken(string Token, Uri ApiDomain, DateTimeOffset ExpiresAt)
{
    /// <summary>Never print the token.</summary>
    public override string ToString() => $"ZohoAccessToken {{ ApiDomain = {ApiDomain}, ExpiresAt = {ExpiresAt:O} }}";
}
