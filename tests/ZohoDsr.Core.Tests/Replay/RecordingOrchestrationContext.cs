using System.Globalization;
using Microsoft.Extensions.Logging;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;

namespace ZohoDsr.Core.Tests.Replay;

/// <summary>
/// Decorates a context and logs every operation the orchestration issues (in issue order, the slot reserved before the
/// inner call starts) with the result it got: the history a replay must reproduce.
/// </summary>
internal sealed class RecordingOrchestrationContext(IDsrOrchestrationContext inner) : IDsrOrchestrationContext
{
    private readonly Lock _lock = new();

    public List<ReplayEntry> Log { get; } = [];

    public string InstanceId => inner.InstanceId;

    public DateTime CurrentUtcDateTime
    {
        get
        {
            var now = inner.CurrentUtcDateTime;
            Add(new ReplayEntry("time", string.Empty, string.Empty, now.Ticks.ToString(CultureInfo.InvariantCulture)));
            return now;
        }
    }

    public bool IsReplaying => inner.IsReplaying;

    public Guid NewGuid()
    {
        var guid = inner.NewGuid();
        Add(new ReplayEntry("guid", string.Empty, string.Empty, guid.ToString()));
        return guid;
    }

    public async Task<TOutput> CallActivityAsync<TInput, TOutput>(DsrActivity<TInput, TOutput> activity, TInput input, ActivityRetryPolicy? retry = null)
        where TInput : ActivityInput
        where TOutput : class
    {
        var slot = Add(new ReplayEntry("activity", activity.Name, ReplayJson.Write(input) + " retry=" + ReplayJson.Write(retry)));
        try
        {
            var result = await inner.CallActivityAsync(activity, input, retry);
            Complete(slot, ReplayJson.Write(result));
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // What Durable keeps of a failed call is what the adapter reads its fault from: replay that fault.
            Complete(slot, null, ex is ActivityFailedException failed ? failed.Fault.Code : ex.Message);
            throw;
        }
    }

    public async Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var slot = Add(new ReplayEntry("timer", string.Empty, fireAt.Ticks.ToString(CultureInfo.InvariantCulture)));
        await inner.CreateTimer(fireAt, cancellationToken);
        Complete(slot, "fired");
    }

    public async Task<ExternalEventResult<T>> WaitForExternalEventAsync<T>(string name, TimeSpan timeout)
    {
        var slot = Add(new ReplayEntry("event", name, timeout.ToString("c")));
        var result = await inner.WaitForExternalEventAsync<T>(name, timeout);
        Complete(slot, result.Received ? ReplayJson.Write(result.Payload) : "timed-out");
        return result;
    }

    public async Task<GateGrant> AcquirePermitsAsync(string orgId, GateAcquireRequest request)
    {
        var slot = Add(new ReplayEntry("acquire", orgId, ReplayJson.Write(request)));
        var grant = await inner.AcquirePermitsAsync(orgId, request);
        Complete(slot, ReplayJson.Write(grant));
        return grant;
    }

    public async Task ReleasePermitsAsync(string orgId, GateReleaseRequest request)
    {
        var slot = Add(new ReplayEntry("release", orgId, ReplayJson.Write(request)));
        await inner.ReleasePermitsAsync(orgId, request);
        Complete(slot, "released");
    }

    public void SetCustomStatus(DsrProgress progress)
    {
        Add(new ReplayEntry("status", string.Empty, ReplayJson.Write(progress)));
        inner.SetCustomStatus(progress);
    }

    public ILogger CreateReplaySafeLogger(string categoryName) => inner.CreateReplaySafeLogger(categoryName);

    private int Add(ReplayEntry entry)
    {
        lock (_lock)
        {
            Log.Add(entry);
            return Log.Count - 1;
        }
    }

    private void Complete(int slot, string? result, string? error = null)
    {
        lock (_lock)
        {
            Log[slot] = Log[slot] with { Result = result, Error = error };
        }
    }
}
