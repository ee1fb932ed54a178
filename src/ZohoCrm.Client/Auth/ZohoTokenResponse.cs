namespace ZohoCrm.Client;

/// <summary>A token endpoint's answer: the access token, and the refresh token a code exchange also returns.</summary>
internal sealed record ZohoTokenResponse(ZohoAccessToken AccessToken, string? RefreshToken)
{
    /// <summary>Never print the tokens.</summary>
    public override string ToString() => "ZohoTokenResponse";
}
