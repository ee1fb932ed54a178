using Microsoft.Extensions.Logging;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Starts the runs of Zoho-calling activities (<c>ZohoActivityRun</c>): the one place that gives an
/// activity its org's client, meters what it spends, turns Zoho's throttle into a result the orchestration backs off on,
/// and writes the activity's audit lines, each stamped with the activity and its call id. Each run records what it spent
/// at Zoho (<see cref="DsrMetrics.ZohoSpend"/>: calls, credits, throttles, by org) as it ends, and is a span of
/// <see cref="DsrTelemetry.ActivitySource"/>.
/// </summary>
public sealed class ZohoActivityRunner(
    ActivityZohoClients clients,
    AuditWriter audit,
    TimeProvider timeProvider,
    ILogger<ZohoActivityRunner> logger,
    DsrMetrics? metrics = null)
{
    internal AuditWriter Audit => audit;

    internal ILogger Logger => logger;

    internal DsrMetrics? Metrics => metrics;

    /// <summary>
    /// A run of <paramref name="activity"/> for <paramref name="input"/>; <paramref name="auditAction"/> and
    /// <paramref name="module"/> name the audit line written when Zoho throttles it.
    /// </summary>
    internal ZohoActivityRun<TOutput> Start<TInput, TOutput>(DsrActivity<TInput, TOutput> activity, TInput input, string auditAction, string? module)
        where TInput : ActivityInput
        where TOutput : ZohoActivityResult
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(input);
        return new ZohoActivityRun<TOutput>(this, activity.Name, clients.For(input.OrgId), new AuditLines(activity.Name, input.CallId, timeProvider), input, (auditAction, module));
    }
}
