using System.Collections.Concurrent;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Cli;

namespace ZohoDsr.Benchmarks.Harness;

/// <summary>
/// An intake system against a host's HTTP contract: signed webhooks, then status polls until each request ends. The
/// completion time is the engine's own (<see cref="DsrStatusView.LastUpdatedAt"/>), so the poll interval adds no error.
/// </summary>
public sealed class DsrClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    private readonly DsrHostClient _client;
    private readonly string _signingSecret;

    public DsrClient(Uri baseAddress, string signingSecret)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 16, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        _client = new DsrHostClient(new HttpClient(handler, disposeHandler: true) { Timeout = TimeSpan.FromMinutes(2) }, baseAddress, functionKey: null, TimeProvider.System);
        _signingSecret = signingSecret;
    }

    public static DsrRequest Request(string orgId, string email, DsrRequestType type, bool dryRun = false, IReadOnlyList<string>? modules = null) => new()
    {
        RequestId = $"bench-{type.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..32],
        Type = type,
        Subject = new DsrSubject { Email = email },
        OrgId = orgId,
        DryRun = dryRun ? true : null,
        Modules = modules,
    };

    /// <summary>Submits a webhook; returns the time just before it was sent.</summary>
    public async Task<DateTimeOffset> SubmitAsync(DsrRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        DateTimeOffset at = TimeProvider.System.GetUtcNow();
        (await _client.SubmitAsync(DsrHostClient.SerializeRequest(request), _signingSecret, cancellationToken).ConfigureAwait(false))
            .EnsureSuccess($"Submitting {request.RequestId}");
        return at;
    }

    public async Task<DsrStatusView> StatusAsync(string requestId, string orgId, CancellationToken cancellationToken)
        => (await _client.GetStatusAsync(requestId, orgId, cancellationToken).ConfigureAwait(false)).EnsureSuccess("Reading the status").Read<DsrStatusView>();

    /// <summary>Submits one request and waits for its end.</summary>
    public async Task<ProductRun> RunAsync(DsrRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        DateTimeOffset submitted = await SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, DsrStatusView> done = await WaitAllAsync([(request.RequestId!, request.OrgId!)], TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        return new ProductRun(request.RequestId!, request.OrgId!, submitted, done[request.RequestId!]);
    }

    /// <summary>Submits every request at once (16 connections); returns each one's submission time.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> SubmitAllAsync(IReadOnlyList<DsrRequest> requests, CancellationToken cancellationToken)
    {
        var submitted = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (request, ct) =>
            submitted[request.RequestId!] = await SubmitAsync(request, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return submitted;
    }

    /// <summary>Polls the pending requests (4 at a time), pausing between rounds, until every one has ended (by default within 30 minutes).</summary>
    public async Task<IReadOnlyDictionary<string, DsrStatusView>> WaitAllAsync(
        IReadOnlyList<(string RequestId, string OrgId)> requests, TimeSpan pause, CancellationToken cancellationToken, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(requests);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(within ?? Timeout);
        var done = new ConcurrentDictionary<string, DsrStatusView>(StringComparer.Ordinal);
        var pending = requests.ToList();
        while (pending.Count > 0)
        {
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = timeout.Token }, async (r, ct) =>
            {
                DsrStatusView view = await StatusAsync(r.RequestId, r.OrgId, ct).ConfigureAwait(false);
                if (view.Status is DsrStatus.Completed or DsrStatus.Failed or DsrStatus.Canceled)
                {
                    done[r.RequestId] = view;
                }
            }).ConfigureAwait(false);
            pending = pending.Where(r => !done.ContainsKey(r.RequestId)).ToList();
            if (pending.Count > 0)
            {
                await Task.Delay(pause, timeout.Token).ConfigureAwait(false);
            }
        }

        return done;
    }

    /// <summary>
    /// Keeps at most <paramref name="inFlight"/> requests running: submits that many, then, each time a poll round sees
    /// requests end, submits as many more, until every request has ended within <paramref name="within"/>. This is how an
    /// intake system with a backlog paces itself; returns each request's submission time and final status.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, DateTimeOffset> Submitted, IReadOnlyDictionary<string, DsrStatusView> Done)> RunPacedAsync(
        IReadOnlyList<DsrRequest> requests, int inFlight, TimeSpan pause, TimeSpan within, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentOutOfRangeException.ThrowIfLessThan(inFlight, 1);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(within);
        var submitted = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var done = new ConcurrentDictionary<string, DsrStatusView>(StringComparer.Ordinal);
        var running = new List<DsrRequest>();
        int next = 0;
        while (next < requests.Count || running.Count > 0)
        {
            int room = Math.Min(inFlight - running.Count, requests.Count - next);
            if (room > 0)
            {
                List<DsrRequest> wave = requests.Skip(next).Take(room).ToList();
                next += room;
                foreach ((string id, DateTimeOffset at) in await SubmitAllAsync(wave, timeout.Token).ConfigureAwait(false))
                {
                    submitted[id] = at;
                }

                running.AddRange(wave);
            }

            await Task.Delay(pause, timeout.Token).ConfigureAwait(false);
            await Parallel.ForEachAsync(running, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = timeout.Token }, async (r, ct) =>
            {
                DsrStatusView view = await StatusAsync(r.RequestId!, r.OrgId!, ct).ConfigureAwait(false);
                if (view.Status is DsrStatus.Completed or DsrStatus.Failed or DsrStatus.Canceled)
                {
                    done[r.RequestId!] = view;
                }
            }).ConfigureAwait(false);
            running.RemoveAll(r => done.ContainsKey(r.RequestId!));
        }

        return (submitted, done);
    }

    public void Dispose() => _client.Dispose();
}
