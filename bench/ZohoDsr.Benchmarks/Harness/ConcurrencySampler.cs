using ZohoCrm.Simulator;

namespace ZohoDsr.Benchmarks.Harness;

/// <summary>
/// Samples the calls each org has in flight (every 10 ms, from the simulator's counters), for the mean use of the gate's
/// cap while work was queued; the exact peak comes from the counters themselves.
/// </summary>
public sealed class ConcurrencySampler : IAsyncDisposable
{
    private readonly IReadOnlyList<SimOrg> _orgs;
    private readonly List<(DateTimeOffset At, int Total)> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ConcurrencySampler(IReadOnlyList<SimOrg> orgs)
    {
        _orgs = orgs;
        _loop = RunAsync();
    }

    /// <summary>The mean calls in flight per org over the samples taken between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public double MeanInFlight(DateTimeOffset from, DateTimeOffset to)
    {
        lock (_samples)
        {
            var window = _samples.Where(s => s.At >= from && s.At <= to).ToList();
            return window.Count == 0 ? 0 : window.Average(s => s.Total) / _orgs.Count;
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                int total = 0;
                foreach (SimOrg org in _orgs)
                {
                    total += org.Counters.CurrentConcurrency;
                }

                lock (_samples)
                {
                    _samples.Add((TimeProvider.System.GetUtcNow(), total));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
