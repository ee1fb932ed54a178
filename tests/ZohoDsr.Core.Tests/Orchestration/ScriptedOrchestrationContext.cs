using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;

namespace ZohoDsr.Core.Tests.Orchestration;

/// <summary>
/// A scripted <see cref="IDsrOrchestrationContext"/>: activities answer synchronously from <see cref="FakeActivities"/>
/// (with the retry policy applied to exceptions, as Durable does), timers complete at once and move the virtual clock to
/// their fire time, the approval event is scripted, the rate gate is a real <see cref="OrgRateGate"/> unless a test scripts
/// grants. Everything the orchestration does is logged for assertions.
/// </summary>
internal sealed class ScriptedOrchestrationContext(FakeActivities activities) : IDsrOrchestrationContext
{
    public static readonly DateTime Start = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private int _guids;

    public FakeActivities Activities { get; } = activities;

    public string InstanceId { get; init; } = "instance-1";

    public DateTime CurrentUtcDateTime { get; private set; } = Start;

    public bool IsReplaying => false;

    public OrgRateGate Gate { get; } = new(new OrgRateGateState());

    /// <summary>When set, answers acquire requests instead of <see cref="Gate"/>.</summary>
    public Func<GateAcquireRequest, GateGrant>? ScriptedGrants { get; set; }

    /// <summary>The approval decision, or null when the deadline passes first.</summary>
    public ApprovalDecision? Approval { get; set; }

    public List<DateTime> Timers { get; } = [];

    public List<DsrProgress> Statuses { get; } = [];

    public List<GateAcquireRequest> Acquires { get; } = [];

    public List<GateGrant> Grants { get; } = [];

    public List<GateReleaseRequest> Releases { get; } = [];

    public List<(string Name, ActivityRetryPolicy? Retry)> RetryPolicies { get; } = [];

    public List<(string Name, TimeSpan Timeout)> EventWaits { get; } = [];

    /// <summary>Scripted GUIDs (for the jitter); after them, a counter-based sequence.</summary>
    public Queue<Guid> Guids { get; } = new();

    public Guid NewGuid() => Guids.Count > 0 ? Guids.Dequeue() : new Guid(++_guids, 0, 0, new byte[8]);

    public Task<TOutput> CallActivityAsync<TInput, TOutput>(DsrActivity<TInput, TOutput> activity, TInput input, ActivityRetryPolicy? retry = null)
        where TInput : ActivityInput
        where TOutput : class
    {
        RetryPolicies.Add((activity.Name, retry));
        var attempts = Math.Max(1, retry?.MaxNumberOfAttempts ?? 1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Task.FromResult((TOutput)Activities.Invoke(activity.Name, input)!);
            }
            catch (Exception ex) when (attempt < attempts && ex is not InvalidCastException)
            {
                // Durable retries per the policy; the orchestration does not see the attempts.
            }
            catch (Exception ex)
            {
                // As the Durable adapter does: the fault read from what the engine keeps (the exception's type and message).
                return Task.FromException<TOutput>(new ActivityFailedException(activity.Name, ActivityFault.FromFailure(ex.GetType().FullName, ex.Message), ex));
            }
        }
    }

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        Timers.Add(fireAt);
        if (fireAt > CurrentUtcDateTime)
        {
            CurrentUtcDateTime = fireAt;
        }

        return Task.CompletedTask;
    }

    public Task<ExternalEventResult<T>> WaitForExternalEventAsync<T>(string name, TimeSpan timeout)
    {
        EventWaits.Add((name, timeout));
        if (Approval is null)
        {
            CurrentUtcDateTime += timeout;
            return Task.FromResult(ExternalEventResult<T>.TimedOut);
        }

        return Task.FromResult(new ExternalEventResult<T>(true, (T)(object)Approval));
    }

    public Task<GateGrant> AcquirePermitsAsync(string orgId, GateAcquireRequest request)
    {
        Acquires.Add(request);
        var grant = ScriptedGrants?.Invoke(request) ?? Gate.Acquire(request);
        Grants.Add(grant);
        return Task.FromResult(grant);
    }

    public Task ReleasePermitsAsync(string orgId, GateReleaseRequest request)
    {
        Releases.Add(request);
        Gate.Release(request);
        return Task.CompletedTask;
    }

    public void SetCustomStatus(DsrProgress progress) => Statuses.Add(progress);

    public ILogger CreateReplaySafeLogger(string categoryName) => NullLogger.Instance;
}
