using Microsoft.Extensions.Time.Testing;

namespace ZohoDsr.Core.Tests.Engine;

/// <summary>A <see cref="FakeTimeProvider"/> that tells a test when a timer of a given due time has been created.</summary>
internal sealed class SignalingTimeProvider : FakeTimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _created = [];
    private readonly List<(TimeSpan Due, TaskCompletionSource Signal)> _waiters = [];

    public SignalingTimeProvider()
        : base(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_lock)
        {
            _created.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => w.Due == dueTime).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return timer;
    }

    /// <summary>Completes once a timer due after <paramref name="due"/> exists (created before or after the call).</summary>
    public Task WaitForTimerAsync(TimeSpan due)
    {
        lock (_lock)
        {
            if (_created.Contains(due))
            {
                _created.Remove(due);
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((due, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
