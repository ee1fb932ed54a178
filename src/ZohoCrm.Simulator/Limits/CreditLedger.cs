namespace ZohoCrm.Simulator.Limits;

/// <summary>Credits spent in a rolling 24 hours: each call's credits free up 24 hours after it (per-minute buckets).</summary>
internal sealed class CreditLedger(long budget)
{
    private static readonly long WindowMinutes = (long)TimeSpan.FromHours(24).TotalMinutes;
    private readonly Lock _lock = new();
    private readonly Queue<long[]> _buckets = new();
    private long[]? _tail;
    private long _inWindow;

    public long Budget { get; } = budget;

    public long Used(DateTimeOffset now)
    {
        lock (_lock)
        {
            Expire(now);
            return _inWindow;
        }
    }

    /// <summary>Charges the credits when they fit the budget; false (nothing charged) when they do not.</summary>
    public bool TryCharge(DateTimeOffset now, long credits, out long remaining)
    {
        lock (_lock)
        {
            Expire(now);
            if (_inWindow + credits > Budget)
            {
                remaining = Budget - _inWindow;
                return false;
            }

            var minute = now.ToUnixTimeSeconds() / 60;
            if (_tail is null || _tail[0] != minute)
            {
                _tail = [minute, 0];
                _buckets.Enqueue(_tail);
            }

            _tail[1] += credits;
            _inWindow += credits;
            remaining = Budget - _inWindow;
            return true;
        }
    }

    private void Expire(DateTimeOffset now)
    {
        var oldest = (now.ToUnixTimeSeconds() / 60) - WindowMinutes;
        while (_buckets.Count > 0 && _buckets.Peek()[0] <= oldest)
        {
            var bucket = _buckets.Dequeue();
            _inWindow -= bucket[1];
            if (ReferenceEquals(bucket, _tail))
            {
                _tail = null;
            }
        }
    }
}
