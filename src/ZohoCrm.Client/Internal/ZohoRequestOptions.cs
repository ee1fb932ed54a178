namespace ZohoCrm.Client;

/// <summary>What the client tells the stages of its HTTP pipeline about a request, through <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class ZohoRequestOptions
{
    /// <summary>The org the request belongs to: <see cref="ZohoAuthorizationHandler"/> authorises it with that org's token.</summary>
    public static readonly HttpRequestOptionsKey<string> OrgId = new("ZohoCrm.OrgId");
}
