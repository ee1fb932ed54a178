namespace ZohoCrm.Client;

/// <summary>
/// The end of the client's own handlers: hands the request to the <see cref="HttpClient"/> the client was given (with its
/// resilience handler and transport), reading only the headers so the body is read once, by the caller.
/// </summary>
internal sealed class HttpClientForwarder(HttpClient httpClient) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
}
