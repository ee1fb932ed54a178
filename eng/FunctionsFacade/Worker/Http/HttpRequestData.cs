using System.Security.Claims;

namespace Microsoft.Azure.Functions.Worker.Http;

public abstract class HttpRequestData
{
    public HttpRequestData(FunctionContext functionContext)
    {
        ArgumentNullException.ThrowIfNull(functionContext);
        FunctionContext = functionContext;
    }

    public abstract Stream Body { get; }

    public abstract HttpHeadersCollection Headers { get; }

    public abstract IReadOnlyCollection<IHttpCookie> Cookies { get; }

    public abstract Uri Url { get; }

    public abstract IEnumerable<ClaimsIdentity> Identities { get; }

    public abstract string Method { get; }

    public FunctionContext FunctionContext { get; }

    public abstract HttpResponseData CreateResponse();
}
