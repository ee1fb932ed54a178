using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;

namespace ZohoDsr.Core.Tests.Replay;

/// <summary>
/// Replays a recorded history: every operation must be the next recorded one, with the same name and the same serialised
/// input; it gets the recorded result back. Any difference (an extra, missing or reordered call, a different input, a
/// different time read) throws <see cref="ReplayMismatchException"/>: the orchestration is not deterministic.
/// </summary>
internal sealed class ReplayingOrchestrationContext(IReadOnlyList<ReplayEntry> history, string instanceId) : IDsrOrchestrationContext
{
    private int _next;

    public string InstanceId => instanceId;

    public DateTime CurrentUtcDateTime
        => new(long.Parse(Next(new ReplayEntry("time", string.Empty, string.Empty)).Result!, CultureInfo.InvariantCulture), DateTimeKind.Utc);

    public bool IsReplaying => _next < history.Count;

    public Guid NewGuid() => Guid.Parse(Next(new ReplayEntry("guid", string.Empty, string.Empty)).Result!);

    public Task<TOutput> CallActivityAsync<TInput, TOutput>(DsrActivity<TInput, TOutput> activity, TInput input, ActivityRetryPolicy? retry = null)
        where TInput : ActivityInput
        where TOutput : class
    {
        var entry = Next(new ReplayEntry("activity", activity.Name, ReplayJson.Write(input) + " retry=" + ReplayJson.Write(retry)));
        return entry.Error is not null
            ? Task.FromException<TOutput>(new ActivityFailedException(activity.Name, new ActivityFault(entry.Error), new ReplayedActivityException(entry.Error)))
            : Task.FromResult(ReplayJson.Read<TOutput>(entry.Result!));
    }

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        Next(new ReplayEntry("timer", string.Empty, fireAt.Ticks.ToString(CultureInfo.InvariantCulture)));
        return Task.CompletedTask;
    }

    public Task<ExternalEventResult<T>> WaitForExternalEventAsync<T>(string name, TimeSpan timeout)
    {
        var entry = Next(new ReplayEntry("event", name, timeout.ToString("c")));
        return Task.FromResult(entry.Result == "timed-out"
            ? ExternalEventResult<T>.TimedOut
            : new ExternalEventResult<T>(true, ReplayJson.Read<T>(entry.Result!)));
    }

    public Task<GateGrant> AcquirePermitsAsync(string orgId, GateAcquireRequest request)
        => Task.FromResult(ReplayJson.Read<GateGrant>(Next(new ReplayEntry("acquire", orgId, ReplayJson.Write(request))).Result!));

    public Task ReleasePermitsAsync(string orgId, GateReleaseRequest request)
    {
        Next(new ReplayEntry("release", orgId, ReplayJson.Write(request)));
        return Task.CompletedTask;
    }

    public void SetCustomStatus(DsrProgress progress) => Next(new ReplayEntry("status", string.Empty, ReplayJson.Write(progress)));

    public ILogger CreateReplaySafeLogger(string categoryName) => NullLogger.Instance;

    /// <summary>Fails when the replay stopped before the recorded history ended.</summary>
    public void AssertConsumed()
    {
        if (_next != history.Count)
        {
            throw new ReplayMismatchException($"Replay ended after {_next} of {history.Count} operations; next recorded: {history[_next]}");
        }
    }

    private ReplayEntry Next(ReplayEntry actual)
    {
        if (_next >= history.Count)
        {
            throw new ReplayMismatchException($"Operation #{_next} not in the history: {actual}");
        }

        var expected = history[_next];
        if (expected.Operation != actual.Operation || expected.Key != actual.Key || expected.Input != actual.Input)
        {
            throw new ReplayMismatchException($"Operation #{_next} differs.\nRecorded: {expected}\nReplayed: {actual}");
        }

        _next++;
        return expected;
    }
}
