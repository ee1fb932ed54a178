using Microsoft.Extensions.Logging;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.RateGate;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// The few deterministic operations the DSR orchestration needs, so that it is written once and runs on Durable Functions
/// (ZohoDsr.Functions adapts TaskOrchestrationContext; the local host runs that same adapter on the Durable Task
/// Framework), and under the test suite's scripted context and replay harness.
/// Orchestration code may use nothing else for time, randomness, waiting or I/O.
/// </summary>
public interface IDsrOrchestrationContext
{
    string InstanceId { get; }

    /// <summary>The orchestration's deterministic current time (UTC).</summary>
    DateTime CurrentUtcDateTime { get; }

    bool IsReplaying { get; }

    /// <summary>A deterministic new GUID (the same on every replay).</summary>
    Guid NewGuid();

    /// <summary>Schedules an activity (one of <see cref="DsrActivities"/>) with its input and awaits its result.</summary>
    Task<TOutput> CallActivityAsync<TInput, TOutput>(DsrActivity<TInput, TOutput> activity, TInput input, ActivityRetryPolicy? retry = null)
        where TInput : ActivityInput
        where TOutput : class;

    /// <summary>A durable timer.</summary>
    Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>Waits for an external event; returns <see cref="ExternalEventResult{T}.TimedOut"/> when the timeout passes first.</summary>
    Task<ExternalEventResult<T>> WaitForExternalEventAsync<T>(string name, TimeSpan timeout);

    /// <summary>Asks the org's rate gate (<see cref="EntityNames.OrgRateGate"/>) for permits.</summary>
    Task<GateGrant> AcquirePermitsAsync(string orgId, GateAcquireRequest request);

    /// <summary>Returns the holder's permits to the org's rate gate and reports the credits they spent.</summary>
    Task ReleasePermitsAsync(string orgId, GateReleaseRequest request);

    /// <summary>Publishes progress (Durable's custom status).</summary>
    void SetCustomStatus(DsrProgress progress);

    /// <summary>A logger that writes only when not replaying.</summary>
    ILogger CreateReplaySafeLogger(string categoryName);
}
