using ZohoDsr.Core.Http;

namespace ZohoDsr.Local.Apis;

public static class DsrHttpResponseExtensions
{
    /// <summary>The minimal-API result that writes the response as the Functions app does.</summary>
    public static DsrHttpResult ToResult(this DsrHttpResponse response) => new(response);
}
