namespace ZohoCrm.Client;

/// <summary>What the client tells the stages of its HTTP pipeline about a request, through <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class ZohoRequestOptions
{
    /// <summary>The org the request belongs to: <see cref="ZohoAuthorizationHandler"/> authorises it with that org's token.</summary>
    public static readonly HttpRequestOptionsKey<string> OrgId = new("ZohoCrm.OrgId");

    /// <summary>
    /// True when the request may be sent again after a transient failure (<see cref="ZohoRequest.Repeatable"/>); the
    /// resilience handler's retry repeats nothing without it.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Repeatable = new("ZohoCrm.Repeatable");

    /// <summary>The request's API credits, for <see cref="ZohoUsageHandler"/>.</summary>
    public static readonly HttpRequestOptionsKey<int> Credits = new("ZohoCrm.Credits");
}
