using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;

namespace ZohoDsr.Functions.Orchestrations;

/// <summary>
/// <see cref="IDsrOrchestrationContext"/> over Durable's <see cref="TaskOrchestrationContext"/>: activities with Durable
/// retry, durable timers, external events with a timeout, the <c>OrgRateGate</c> entity, custom status, replay-safe logging.
/// </summary>
public sealed class DurableDsrOrchestrationContext(TaskOrchestrationContext context) : IDsrOrchestrationContext
{
    public string InstanceId => context.InstanceId;

    public DateTime CurrentUtcDateTime => context.CurrentUtcDateTime;

    public bool IsReplaying => context.IsReplaying;

    public Guid NewGuid() => context.NewGuid();

    /// <summary>
    /// Calls the activity; a failure after the retries (<see cref="TaskFailedException"/>) is reported as Core's
    /// <see cref="ActivityFailedException"/> with the fault read from its failure details.
    /// </summary>
    public async Task<TOutput> CallActivityAsync<TInput, TOutput>(DsrActivity<TInput, TOutput> activity, TInput input, ActivityRetryPolicy? retry = null)
        where TInput : ActivityInput
        where TOutput : class
    {
        ArgumentNullException.ThrowIfNull(activity);
        try
        {
            return await context.CallActivityAsync<TOutput>(activity.Name, input, ToTaskOptions(retry)).ConfigureAwait(true);
        }
        catch (TaskFailedException ex)
        {
            throw new ActivityFailedException(activity.Name, ActivityFault.FromFailure(ex.FailureDetails.ErrorType, ex.FailureDetails.ErrorMessage), ex);
        }
    }

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => context.CreateTimer(fireAt, cancellationToken);

    public async Task<ExternalEventResult<T>> WaitForExternalEventAsync<T>(string name, TimeSpan timeout)
    {
        try
        {
            T payload = await context.WaitForExternalEvent<T>(name, timeout).ConfigureAwait(true);
            return new ExternalEventResult<T>(true, payload);
        }
        catch (TaskCanceledException)
        {
            return ExternalEventResult<T>.TimedOut;
        }
    }

    public Task<GateGrant> AcquirePermitsAsync(string orgId, GateAcquireRequest request)
        => context.Entities.CallEntityAsync<GateGrant>(GateId(orgId), EntityNames.Acquire, request);

    public Task ReleasePermitsAsync(string orgId, GateReleaseRequest request)
        => context.Entities.CallEntityAsync(GateId(orgId), EntityNames.Release, request);

    public void SetCustomStatus(DsrProgress progress) => context.SetCustomStatus(progress);

    public ILogger CreateReplaySafeLogger(string categoryName) => context.CreateReplaySafeLogger(categoryName);

    /// <summary>Core's retry policy as Durable's; null means no retry.</summary>
    internal static TaskOptions? ToTaskOptions(ActivityRetryPolicy? retry)
        => retry is null
            ? null
            : new TaskOptions(new TaskRetryOptions(new RetryPolicy(
                retry.MaxNumberOfAttempts, retry.FirstRetryInterval, retry.BackoffCoefficient, retry.MaxRetryInterval)));

    internal static EntityInstanceId GateId(string orgId) => new(EntityNames.OrgRateGate, orgId);
}
