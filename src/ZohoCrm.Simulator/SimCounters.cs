using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ZohoCrm.Simulator;

/// <summary>Per-org call accounting. Thread-safe; every update is an Interlocked operation.</summary>
public sealed class SimCounters
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _byEndpoint = new(StringComparer.Ordinal);
    private readonly Lock _waitersLock = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _heldWaiters = [];
    private long _totalCalls;
    private long _creditsUsed;
    private int _currentConcurrency;
    private int _peakConcurrency;
    private int _currentSubConcurrency;
    private long _throttledCalls;
    private long _recordsDeleted;
    private long _tokenRequests;
    private long _tokenRefreshes;
    private long _faultsInjected;
    private int _held;

    public long TotalCalls => Interlocked.Read(ref _totalCalls);

    public IReadOnlyDictionary<string, long> CallsByEndpoint =>
        _byEndpoint.ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value.Value), StringComparer.Ordinal);

    public long CreditsUsed => Interlocked.Read(ref _creditsUsed);

    /// <summary>API calls in flight, counting a call from its arrival until its answer (a rejected one too).</summary>
    public int CurrentConcurrency => Volatile.Read(ref _currentConcurrency);

    public int PeakConcurrency => Volatile.Read(ref _peakConcurrency);

    public int CurrentSubConcurrency => Volatile.Read(ref _currentSubConcurrency);

    /// <summary>429 answers: credits, concurrency, sub-concurrency, token throttle and injected 429s.</summary>
    public long ThrottledCalls => Interlocked.Read(ref _throttledCalls);

    public long RecordsDeleted => Interlocked.Read(ref _recordsDeleted);

    /// <summary>Calls to the token endpoint (every grant type).</summary>
    public long TokenRequests => Interlocked.Read(ref _tokenRequests);

    /// <summary>Refresh-token grants that issued an access token.</summary>
    public long TokenRefreshes => Interlocked.Read(ref _tokenRefreshes);

    public long FaultsInjected => Interlocked.Read(ref _faultsInjected);

    /// <summary>Calls currently held by an injected latency or hang.</summary>
    public int CurrentlyHeld => Volatile.Read(ref _held);

    public void Reset()
    {
        _byEndpoint.Clear();
        Interlocked.Exchange(ref _totalCalls, 0);
        Interlocked.Exchange(ref _creditsUsed, 0);
        Interlocked.Exchange(ref _peakConcurrency, Volatile.Read(ref _currentConcurrency));
        Interlocked.Exchange(ref _throttledCalls, 0);
        Interlocked.Exchange(ref _recordsDeleted, 0);
        Interlocked.Exchange(ref _tokenRequests, 0);
        Interlocked.Exchange(ref _tokenRefreshes, 0);
        Interlocked.Exchange(ref _faultsInjected, 0);
    }

    /// <summary>Completes once at least <paramref name="count"/> calls are held by an injected latency or hang.</summary>
    public Task WaitForHeldAsync(int count, CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waitersLock)
        {
            if (Volatile.Read(ref _held) >= count)
            {
                return Task.CompletedTask;
            }

            _heldWaiters.Add((count, done));
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    internal void CountCall(string endpoint)
    {
        Interlocked.Increment(ref _totalCalls);
        var box = _byEndpoint.GetOrAdd(endpoint, static _ => new StrongBox<long>());
        Interlocked.Increment(ref box.Value);
    }

    internal int EnterConcurrency()
    {
        var now = Interlocked.Increment(ref _currentConcurrency);
        UpdatePeak(now);
        return now;
    }

    internal void ExitConcurrency() => Interlocked.Decrement(ref _currentConcurrency);

    internal int EnterSubConcurrency() => Interlocked.Increment(ref _currentSubConcurrency);

    internal void ExitSubConcurrency() => Interlocked.Decrement(ref _currentSubConcurrency);

    internal void AddCredits(long credits) => Interlocked.Add(ref _creditsUsed, credits);

    internal void CountThrottled() => Interlocked.Increment(ref _throttledCalls);

    internal void CountDeleted() => Interlocked.Increment(ref _recordsDeleted);

    internal void CountTokenRequest() => Interlocked.Increment(ref _tokenRequests);

    internal void CountTokenRefresh() => Interlocked.Increment(ref _tokenRefreshes);

    internal void CountFault() => Interlocked.Increment(ref _faultsInjected);

    internal void EnterHeld()
    {
        var now = Interlocked.Increment(ref _held);
        lock (_waitersLock)
        {
            for (var i = _heldWaiters.Count - 1; i >= 0; i--)
            {
                if (now >= _heldWaiters[i].Count)
                {
                    _heldWaiters[i].Done.TrySetResult();
                    _heldWaiters.RemoveAt(i);
                }
            }
        }
    }

    internal void ExitHeld() => Interlocked.Decrement(ref _held);

    private void UpdatePeak(int now)
    {
        var peak = Volatile.Read(ref _peakConcurrency);
        while (now > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakConcurrency, now, peak);
            if (seen == peak)
            {
                return;
            }

            peak = seen;
        }
    }
}
