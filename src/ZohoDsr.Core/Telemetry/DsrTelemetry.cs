using System.Diagnostics;

namespace ZohoDsr.Core.Telemetry;

/// <summary>
/// The names of ZohoDsr's telemetry: a contract shared by the code that emits it (<see cref="DsrMetrics"/>), the
/// OpenTelemetry registration of the hosts (<see cref="MeterName"/>, <see cref="ActivitySourceName"/>) and the
/// operations workbook and alert rules in infra/, which a test holds to these constants.
/// </summary>
/// <remarks>
/// Names follow the OpenTelemetry naming conventions: lower case, dot-separated namespaces under <c>zohodsr</c>,
/// snake_case inside a component, counters of countable things in the plural, <c>usage</c> / <c>limit</c> for an
/// amount used out of a known total, and UCUM units (<c>s</c>, <c>{request}</c>). Attributes are in
/// <see cref="DsrTelemetryAttributes"/>; no instrument carries an email, a name or any record value.
/// With the Azure Monitor exporter each instrument becomes rows of the workspace's <c>AppMetrics</c> table:
/// <c>Name</c> is the instrument name, <c>Properties</c> the attributes, <c>Sum</c> the value (the delta of a counter
/// over the export interval, the last value of a gauge, the sum of a histogram) and <c>ItemCount</c> a histogram's count.
/// </remarks>
public static class DsrTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> every ZohoDsr instrument belongs to.</summary>
    public const string MeterName = "ZohoDsr";

    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> of ZohoDsr's spans.</summary>
    public const string ActivitySourceName = "ZohoDsr";

    /// <summary>Counter: requests started. Attributes: request type, org.</summary>
    public const string RequestStarted = "zohodsr.request.started";

    /// <summary>Counter: requests that reached a final status. Attributes: request type, status, org; <c>error.type</c> when failed.</summary>
    public const string RequestEnded = "zohodsr.request.ended";

    /// <summary>Histogram: from start to final status, approval waits included. Attributes: request type, status.</summary>
    public const string RequestDuration = "zohodsr.request.duration";

    /// <summary>Gauge: open requests by days to their due date. Attributes: org, due bucket.</summary>
    public const string RequestOpen = "zohodsr.request.open";

    /// <summary>
    /// Gauge: open requests due within the configured number of days, overdue ones included
    /// (<c>ZohoDsr:Deadlines:DueSoonDays</c>). Attributes: org, the number of days.
    /// </summary>
    public const string RequestDueSoon = "zohodsr.request.due_soon";

    /// <summary>Counter: the subject's records by what happened to them. Attributes: outcome, module, org.</summary>
    public const string RecordOutcomes = "zohodsr.record.outcomes";

    /// <summary>Counter: Zoho API calls. Attributes: org.</summary>
    public const string ZohoCalls = "zohodsr.zoho.calls";

    /// <summary>Counter: Zoho API credits spent. Attributes: org.</summary>
    public const string ZohoCredits = "zohodsr.zoho.credits";

    /// <summary>Counter: Zoho calls answered with a throttle (HTTP 429 or Zoho's credit / concurrency codes). Attributes: org.</summary>
    public const string ZohoThrottles = "zohodsr.zoho.throttles";

    /// <summary>Gauge: credits the org used in the rolling 24 hours. Attributes: org.</summary>
    public const string ZohoCreditUsage = "zohodsr.zoho.credit.usage";

    /// <summary>Gauge: the org's daily credit budget. Attributes: org.</summary>
    public const string ZohoCreditLimit = "zohodsr.zoho.credit.limit";

    /// <summary>Gauge: rate-gate permits held now. Attributes: org.</summary>
    public const string RateGatePermitUsage = "zohodsr.rate_gate.permit.usage";

    /// <summary>Gauge: the rate gate's permit cap. Attributes: org.</summary>
    public const string RateGatePermitLimit = "zohodsr.rate_gate.permit.limit";

    /// <summary>Gauge: requests waiting for an approval decision. Attributes: org.</summary>
    public const string ApprovalWaiting = "zohodsr.approval.waiting";

    /// <summary>Gauge: how long the longest-waiting request has waited for approval (0 when none waits). Attributes: org.</summary>
    public const string ApprovalOldestWait = "zohodsr.approval.oldest_wait";

    /// <summary>Unit of request counts.</summary>
    public const string UnitRequest = "{request}";

    /// <summary>Unit of record counts.</summary>
    public const string UnitRecord = "{record}";

    /// <summary>Unit of Zoho API calls.</summary>
    public const string UnitCall = "{call}";

    /// <summary>Unit of Zoho API credits.</summary>
    public const string UnitCredit = "{credit}";

    /// <summary>Unit of throttled Zoho calls.</summary>
    public const string UnitThrottle = "{throttle}";

    /// <summary>Unit of rate-gate permits.</summary>
    public const string UnitPermit = "{permit}";

    /// <summary>Unit of durations: seconds.</summary>
    public const string UnitSeconds = "s";

    /// <summary>ZohoDsr's spans. Hosts enable it with <c>AddSource(DsrTelemetry.ActivitySourceName)</c>.</summary>
    public static ActivitySource ActivitySource { get; } = new(ActivitySourceName);
}
