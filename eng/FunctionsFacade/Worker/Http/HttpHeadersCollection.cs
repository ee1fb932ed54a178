using System.Net.Http.Headers;

namespace Microsoft.Azure.Functions.Worker.Http;

public class HttpHeadersCollection : HttpHeaders
{
    public HttpHeadersCollection()
    {
    }
}
