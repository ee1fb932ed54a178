using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.RateGate;

namespace ZohoDsr.Core.Orchestration;

/// <summary>
/// How the run calls activities: typed (<see cref="DsrActivity{TInput, TOutput}"/>), each call with its own
/// <see cref="ActivityInput.CallId"/>; Zoho-calling ones in waves bounded by the org's rate gate, a throttled call waiting
/// on a durable timer (deterministic full jitter, <see cref="ThrottleBackoff"/>): the one place that decides a throttle wait.
/// </summary>
internal sealed class DsrCalls(DsrRun run)
{
    /// <summary>
    /// Runs <paramref name="work"/> for every item in waves: each wave asks the org's gate for permits first (waiting on a
    /// durable timer when refused), runs as many items at once as granted, then returns the permits with the credits spent.
    /// <paramref name="complex"/>: the items issue COQL/Search calls, so their permits also come from the gate's
    /// sub-concurrency semaphore.
    /// </summary>
    public async Task FanOutAsync<TItem>(IReadOnlyList<TItem> items, Func<TItem, Task> work, bool complex = false)
    {
        IDsrOrchestrationContext context = run.Context;
        var next = 0;
        while (next < items.Count)
        {
            int granted = await AcquirePermitsAsync(items.Count - next, complex);
            long creditsBefore = run.Spend.Credits;
            var wave = new List<Task>(granted);
            for (int i = next; i < next + granted; i++)
            {
                wave.Add(work(items[i]));
            }

            try
            {
                await Task.WhenAll(wave);
            }
            finally
            {
                await context.ReleasePermitsAsync(
                    run.Input.OrgId, new GateReleaseRequest(context.InstanceId, context.CurrentUtcDateTime, run.Spend.Credits - creditsBefore));
            }

            next += granted;
            run.SetStatus(DsrStatus.Running, run.Phase);
        }
    }

    /// <summary>
    /// Calls a Zoho-calling activity; a throttled result waits on a durable timer (deterministic full jitter) and retries.
    /// <paramref name="resumeWith"/> turns a throttled result into the input of the retry (the part still to do), or null
    /// when nothing is left; without it the same input is retried.
    /// </summary>
    public async Task<TOutput> CallZohoAsync<TInput, TOutput>(
        DsrActivity<TInput, TOutput> activity, TInput input, string? module, Func<TOutput, TInput?>? resumeWith = null)
        where TInput : ActivityInput
        where TOutput : ZohoActivityResult
    {
        for (var attempt = 1; ; attempt++)
        {
            TOutput result = await CallAsync(activity, input, module, run.Settings.ActivityRetry);
            run.Spend += result.Spend ?? ApiSpend.None;
            if (result is OrgProfile { Settings: { } orgSettings } && run.Input.Settings is null)
            {
                run.Settings = orgSettings; // even a throttled ResolveOrg brings the configured backoff
            }

            if (result.Fault is { } fault)
            {
                Log.OrchestrationActivityFailed(run.Logger, run.Input.RequestId, run.Input.OrgId, module ?? "-", StepFailure.ActivityFailed);
                throw DsrStepFailedException.ActivityFailed(activity.Name, module, run.Input.OrgId, fault, result);
            }

            if (result.Throttled is not { } throttled)
            {
                return result;
            }

            if (resumeWith is not null)
            {
                if (resumeWith(result) is not { } remaining)
                {
                    return result;
                }

                input = remaining;
            }

            if (attempt >= run.Settings.ThrottleMaxAttempts)
            {
                throw DsrStepFailedException.Throttled(activity.Name, module, attempt, throttled.ZohoCode);
            }

            OrchestrationSettings settings = run.Settings;
            TimeSpan delay = ThrottleBackoff.Compute(attempt, run.Context.NewGuid(), throttled.RetryAfter, settings.ThrottleBaseDelay, settings.ThrottleMaxDelay);
            Log.OrchestrationThrottled(run.Logger, run.Input.RequestId, run.Input.OrgId, module ?? "-", throttled.ZohoCode ?? "-", delay);
            await run.Context.CreateTimer(run.Context.CurrentUtcDateTime + delay, CancellationToken.None);
        }
    }

    /// <summary>
    /// Calls an activity with its own call id; a failure (after the retry policy) is a failed step naming it and its fault
    /// (the host reports it as an <see cref="ActivityFailedException"/>).
    /// </summary>
    public async Task<TOutput> CallAsync<TInput, TOutput>(DsrActivity<TInput, TOutput> activity, TInput input, string? module, ActivityRetryPolicy retry)
        where TInput : ActivityInput
        where TOutput : class
    {
        var call = (TInput)((ActivityInput)input with { CallId = run.NextCallId() });
        TOutput? result;
        try
        {
            result = await run.Context.CallActivityAsync(activity, call, retry);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not DsrStepFailedException)
        {
            Log.OrchestrationActivityFailed(run.Logger, run.Input.RequestId, run.Input.OrgId, module ?? "-", StepFailure.ActivityFailed);
            ActivityFault fault = ex is ActivityFailedException failed ? failed.Fault : ActivityFault.Of(ex.InnerException ?? ex);
            throw DsrStepFailedException.ActivityFailed(activity.Name, module, run.Input.OrgId, fault);
        }

        return result ?? throw DsrStepFailedException.NoResult(activity.Name, module, run.Input.OrgId);
    }

    private async Task<int> AcquirePermitsAsync(int wanted, bool complex)
    {
        IDsrOrchestrationContext context = run.Context;
        int capacity = run.Profile?.ConcurrencyBudget ?? 0;
        int complexCapacity = run.Profile?.SubConcurrencyBudget ?? 0;
        if (capacity > 0)
        {
            wanted = Math.Min(wanted, capacity);
        }

        if (complex && complexCapacity > 0)
        {
            wanted = Math.Min(wanted, complexCapacity);
        }

        while (true)
        {
            DateTime now = context.CurrentUtcDateTime;
            GateGrant grant = await context.AcquirePermitsAsync(
                run.Input.OrgId,
                new GateAcquireRequest(
                    context.InstanceId, wanted, run.Settings.GateLease, now, capacity, run.Profile?.CreditBudget ?? 0, EstimatedCredits: wanted, complex, complexCapacity));
            if (grant.Granted > 0)
            {
                return Math.Min(grant.Granted, wanted);
            }

            GateRefusal refusal = grant.Reason switch
            {
                OrgRateGate.CreditsReason => GateRefusal.Credits,
                OrgRateGate.SubConcurrencyReason => GateRefusal.SubConcurrency,
                _ => GateRefusal.Concurrency,
            };
            Log.OrchestrationGateRefused(run.Logger, run.Input.RequestId, run.Input.OrgId, refusal);
            DateTime retryAt = grant.RetryAt is { } at && at > now ? at : now + OrgRateGate.PollInterval;
            await context.CreateTimer(retryAt, CancellationToken.None);
        }
    }
}
