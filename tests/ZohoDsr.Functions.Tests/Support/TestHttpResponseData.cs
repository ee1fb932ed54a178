using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Moq;

namespace ZohoDsr.Functions.Tests.Support;

/// <summary>A hand-written <see cref="HttpResponseData"/> that keeps what the function wrote.</summary>
internal sealed class TestHttpResponseData(FunctionContext functionContext) : HttpResponseData(functionContext)
{
    public override HttpStatusCode StatusCode { get; set; } = HttpStatusCode.OK;

    public override HttpHeadersCollection Headers { get; set; } = new();

    public override Stream Body { get; set; } = new MemoryStream();

    public override HttpCookies Cookies { get; } = new Mock<HttpCookies>().Object;

    public string? Header(string name) => Headers.TryGetValues(name, out IEnumerable<string>? values) ? string.Join(",", values) : null;

    public JsonElement Json()
    {
        Body.Position = 0;
        using JsonDocument document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }
}
