using System.Net;
using System.Text;

namespace ZohoCrm.Client.Tests;

/// <summary>How the answer to a request is lost after the request reached the server.</summary>
public enum AnswerLoss
{
    /// <summary>The connection drops once the request is sent: no status, no body.</summary>
    ConnectionDropped,

    /// <summary>A gateway answers 502 with an HTML page.</summary>
    BadGateway,

    /// <summary>A gateway answers 503.</summary>
    ServiceUnavailable,

    /// <summary>A gateway answers 504.</summary>
    GatewayTimeout,

    /// <summary>Nothing comes back until the client's attempt timeout gives up.</summary>
    Hang,

    /// <summary>Headers arrive, then the body breaks off.</summary>
    BodyCutShort,
}

/// <summary>
/// Sits between the client's resilience handler and the wire: forwards every request for real, and for the requests it
/// is told to, throws the server's answer away and loses it in the chosen way. Counts what it forwarded.
/// </summary>
internal sealed class LoseAnswerHandler(Func<HttpRequestMessage, bool> lose, AnswerLoss loss) : DelegatingHandler
{
    private int _forwarded;

    public int Forwarded => Volatile.Read(ref _forwarded);

    public static Func<HttpRequestMessage, bool> Deletes { get; } = r => r.Method == HttpMethod.Delete;

    /// <summary>Completes when a chosen request has been forwarded and is about to lose its answer.</summary>
    public TaskCompletionSource Lost { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        if (!lose(request))
        {
            return response;
        }

        Interlocked.Increment(ref _forwarded);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        response.Dispose();
        Lost.TrySetResult();
        switch (loss)
        {
            case AnswerLoss.ConnectionDropped:
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
            case AnswerLoss.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            case AnswerLoss.BodyCutShort:
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new TruncatedContent(Encoding.UTF8.GetBytes("""{"data":[{"code":"SUCC""")) };
            default:
                var status = loss switch
                {
                    AnswerLoss.BadGateway => HttpStatusCode.BadGateway,
                    AnswerLoss.ServiceUnavailable => HttpStatusCode.ServiceUnavailable,
                    _ => HttpStatusCode.GatewayTimeout,
                };
                return FakeHandler.Text(status, "<html><body>gateway error</body></html>");
        }
    }
}
