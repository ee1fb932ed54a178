using System.Security.Claims;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace ZohoDsr.Functions.Tests.Support;

/// <summary>A hand-written <see cref="HttpRequestData"/>: fixed URL, method, headers and raw body.</summary>
internal sealed class TestHttpRequestData : HttpRequestData
{
    public TestHttpRequestData(FunctionContext functionContext, string method, Uri url, byte[]? body = null)
        : base(functionContext)
    {
        Method = method;
        Url = url;
        Body = new MemoryStream(body ?? []);
    }

    public override Stream Body { get; }

    public override HttpHeadersCollection Headers { get; } = new();

    public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = [];

    public override Uri Url { get; }

    public override IEnumerable<ClaimsIdentity> Identities { get; } = [];

    public override string Method { get; }

    public override HttpResponseData CreateResponse() => new TestHttpResponseData(FunctionContext);
}
