using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ZohoCrm.Client.Tests;

/// <summary>An HTTP seam for unit tests: answers each request with the next scripted response and records what was sent.</summary>
internal sealed class FakeHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, HttpResponseMessage> _respond;
    private int _calls;

    public FakeHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond)
    {
        _respond = respond;
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int Calls => Volatile.Read(ref _calls);

    public static HttpResponseMessage Json(HttpStatusCode status, string json) => new(status)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
    };

    public static HttpResponseMessage Text(HttpStatusCode status, string text, string mediaType = "text/html") => new(status)
    {
        Content = new StringContent(text, Encoding.UTF8, mediaType),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int call = Interlocked.Increment(ref _calls);
        string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString()
            ?? (request.Headers.TryGetValues("Authorization", out IEnumerable<string>? values) ? string.Join(",", values) : null), body));
        return _respond(request, call);
    }

    internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body);
}
