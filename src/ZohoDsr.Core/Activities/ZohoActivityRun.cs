using System.Diagnostics;
using ZohoCrm.Client;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// One run of a Zoho-calling activity (made by <see cref="ZohoActivityRunner.Start"/>): its own client of the org (whose
/// usage is the run's spend) and its audit lines. <see cref="RunAsync"/> does the work and, whatever happens, the same
/// things around it: a throttle from Zoho (<see cref="ZohoThrottledException"/>) is logged, audited and returned as
/// <see cref="ZohoActivityResult.Throttled"/> (never waited on: the orchestration alone schedules the wait, on a durable
/// timer); a fault no retry cures (<see cref="ActivityFault.IsPermanent"/>: a revoked refresh token, a missing scope) is
/// logged, audited and returned as <see cref="ZohoActivityResult.Fault"/> at once; any other failure is thrown as an
/// <see cref="ActivityFaultException"/> naming its code, for Durable to retry; the spend is set, and the audit lines are
/// appended once.
/// </summary>
/// <param name="activityName">The activity's name (<c>ActivityNames</c>), the name of the run's span.</param>
/// <param name="throttleLine">The action and module of the audit line written when Zoho throttles the run.</param>
internal sealed class ZohoActivityRun<TOutput>(
    ZohoActivityRunner runner, string activityName, ZohoCrmClient client, AuditLines lines, ActivityInput input, (string Action, string? Module) throttleLine)
    where TOutput : ZohoActivityResult
{
    private const string SpanCalls = "zohodsr.zoho.calls";
    private const string SpanCredits = "zohodsr.zoho.credits";
    private const string SpanThrottled = "zohodsr.zoho.throttled";

    /// <summary>The org's client for this run only.</summary>
    public ZohoCrmClient Client { get; } = client;

    /// <summary>The run's audit lines, appended when the run ends (also when throttled).</summary>
    public AuditLines Audit { get; } = lines;

    /// <summary>
    /// Runs <paramref name="work"/>; when Zoho throttles it, or it meets a fault no retry cures, the result is
    /// <paramref name="whenThrottled"/>'s (what was done before) marked throttled or faulted.
    /// </summary>
    public async Task<TOutput> RunAsync(Func<Task<TOutput>> work, Func<TOutput> whenThrottled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(whenThrottled);
        using Activity? span = DsrTelemetry.ActivitySource.StartActivity(activityName);
        span?.SetTag(DsrTelemetryAttributes.OrgId, input.OrgId);
        span?.SetTag(DsrTelemetryAttributes.Module, throttleLine.Module);
        ZohoSpendMeter meter = ZohoSpendMeter.Start(Client);
        TOutput result;
        ActivityThrottle? throttle = null;
        ActivityFault? fault = null;
        try
        {
            result = await work().ConfigureAwait(false);
        }
        catch (ZohoThrottledException ex)
        {
            Log.ActivityThrottled(runner.Logger, input.RequestId, input.OrgId, throttleLine.Module, ex.Code, ex.RetryAfter);
            throttle = new ActivityThrottle(ex.RetryAfter, ex.Code);
            result = whenThrottled();
            Audit.Add(throttleLine.Action, throttleLine.Module, 0, AuditOutcomes.Throttled, ex.Code);
        }
        catch (ZohoApiException ex) when (ActivityFault.IsPermanent(ex))
        {
            fault = ActivityFault.Of(ex);
            Log.ActivityFaulted(runner.Logger, input.RequestId, input.OrgId, throttleLine.Module, fault.Code);
            result = whenThrottled();
            Audit.Add(throttleLine.Action, throttleLine.Module, 0, AuditOutcomes.Failed, fault.Code);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ActivityFault thrown = ActivityFault.Of(ex);
            Log.ActivityFaulted(runner.Logger, input.RequestId, input.OrgId, throttleLine.Module, thrown.Code);
            throw new ActivityFaultException(thrown, ex);
        }
        finally
        {
            // Also when the work throws: the calls it made were made (and a Durable retry's calls are calls too).
            ApiSpend spent = meter.Spent();
            runner.Metrics?.ZohoSpend(input.OrgId, spent.Calls, spent.Credits, Math.Max(meter.Throttled(), throttle is null ? 0 : 1));
            span?.SetTag(SpanCalls, spent.Calls);
            span?.SetTag(SpanCredits, spent.Credits);
            if (throttle is not null)
            {
                span?.SetTag(SpanThrottled, true);
            }
        }

        await runner.Audit.AppendAsync(input.OrgId, input.RequestId, Audit.Entries, cancellationToken).ConfigureAwait(false);
        return (TOutput)((ZohoActivityResult)result with { Spend = meter.Spent(), Throttled = throttle, Fault = fault });
    }
}
