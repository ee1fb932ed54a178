using System.Buffers;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Deadlines;

namespace ZohoDsr.Core.Telemetry;

/// <summary>
/// ZohoDsr's instruments (names in <see cref="DsrTelemetry"/>): counters and the duration histogram that callers feed,
/// and gauges read from an <see cref="IDsrMetricsSnapshotProvider"/> when one is registered.
/// </summary>
/// <remarks>
/// Callers in an orchestrator record only when the orchestration is not replaying; activities may record as they
/// run, but an activity that runs twice counts twice, so request-level counts belong to the orchestration.
/// An org id, module or error type that is not a plain token (letters, digits, <c>_ . -</c>, at most 64 characters) is
/// reported as <see cref="DsrTelemetryValues.Other"/>: an email or a record value can never become an attribute.
/// </remarks>
public sealed class DsrMetrics
{
    private const int MaxTokenLength = 64;
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-");

    private readonly TimeProvider _timeProvider;
    private readonly IDsrMetricsSnapshotProvider? _snapshots;
    private readonly int _dueSoonDays;
    private readonly Counter<long> _requestsStarted;
    private readonly Counter<long> _requestsEnded;
    private readonly Histogram<double> _requestDuration;
    private readonly Counter<long> _recordOutcomes;
    private readonly Counter<long> _zohoCalls;
    private readonly Counter<long> _zohoCredits;
    private readonly Counter<long> _zohoThrottles;

    public DsrMetrics(IMeterFactory meterFactory, TimeProvider timeProvider, IOptions<DeadlineOptions> deadlineOptions, IDsrMetricsSnapshotProvider? snapshots = null)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(deadlineOptions);
        _timeProvider = timeProvider;
        _snapshots = snapshots;
        _dueSoonDays = deadlineOptions.Value.DueSoonDays;
        Meter = meterFactory.Create(new MeterOptions(DsrTelemetry.MeterName));

        _requestsStarted = Meter.CreateCounter<long>(DsrTelemetry.RequestStarted, DsrTelemetry.UnitRequest, "Requests started.");
        _requestsEnded = Meter.CreateCounter<long>(DsrTelemetry.RequestEnded, DsrTelemetry.UnitRequest, "Requests that reached a final status.");
        _requestDuration = Meter.CreateHistogram<double>(DsrTelemetry.RequestDuration, DsrTelemetry.UnitSeconds, "Time from a request's start to its final status, approval waits included.");
        _recordOutcomes = Meter.CreateCounter<long>(DsrTelemetry.RecordOutcomes, DsrTelemetry.UnitRecord, "The subject's records by what happened to them.");
        _zohoCalls = Meter.CreateCounter<long>(DsrTelemetry.ZohoCalls, DsrTelemetry.UnitCall, "Zoho API calls.");
        _zohoCredits = Meter.CreateCounter<long>(DsrTelemetry.ZohoCredits, DsrTelemetry.UnitCredit, "Zoho API credits spent.");
        _zohoThrottles = Meter.CreateCounter<long>(DsrTelemetry.ZohoThrottles, DsrTelemetry.UnitThrottle, "Zoho calls answered with a throttle.");
        if (snapshots is not null)
        {
            CreateGauges();
        }
    }

    /// <summary>The meter every instrument belongs to (named <see cref="DsrTelemetry.MeterName"/>).</summary>
    public Meter Meter { get; }

    public void RequestStarted(DsrRequestType type, string orgId) =>
        _requestsStarted.Add(1, Tag(DsrTelemetryAttributes.RequestType, DsrTelemetryValues.Of(type)), OrgTag(orgId));

    /// <summary>
    /// A request reached its final status (<see cref="DsrStatus.Completed"/>, <see cref="DsrStatus.Failed"/> or
    /// <see cref="DsrStatus.Canceled"/>) after <paramref name="duration"/>. A failed request should say why in
    /// <paramref name="errorType"/> (a <see cref="DsrErrorTypes"/> value or Zoho's code).
    /// </summary>
    public void RequestEnded(DsrRequestType type, DsrStatus status, string orgId, TimeSpan duration, string? errorType = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var typeTag = Tag(DsrTelemetryAttributes.RequestType, DsrTelemetryValues.Of(type));
        var statusTag = Tag(DsrTelemetryAttributes.RequestStatus, DsrTelemetryValues.Of(status));
        if (status == DsrStatus.Failed && !string.IsNullOrEmpty(errorType))
        {
            _requestsEnded.Add(1, typeTag, statusTag, OrgTag(orgId), Tag(DsrTelemetryAttributes.ErrorType, Token(errorType)));
        }
        else
        {
            _requestsEnded.Add(1, typeTag, statusTag, OrgTag(orgId));
        }

        _requestDuration.Record(duration.TotalSeconds, typeTag, statusTag);
    }

    /// <summary><paramref name="count"/> records of <paramref name="module"/> ended with <paramref name="outcome"/>.</summary>
    public void RecordOutcome(RecordOutcomeKind outcome, string module, string orgId, long count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > 0)
        {
            _recordOutcomes.Add(
                count,
                Tag(DsrTelemetryAttributes.RecordOutcome, DsrTelemetryValues.Of(outcome)),
                Tag(DsrTelemetryAttributes.Module, Token(module, nameof(module))),
                OrgTag(orgId));
        }
    }

    /// <summary>What one piece of work spent at Zoho for an org: calls, credits, and calls answered with a throttle.</summary>
    public void ZohoSpend(string orgId, long calls, long credits, long throttles)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        ArgumentOutOfRangeException.ThrowIfNegative(credits);
        ArgumentOutOfRangeException.ThrowIfNegative(throttles);
        var org = OrgTag(orgId);
        if (calls > 0)
        {
            _zohoCalls.Add(calls, org);
        }

        if (credits > 0)
        {
            _zohoCredits.Add(credits, org);
        }

        if (throttles > 0)
        {
            _zohoThrottles.Add(throttles, org);
        }
    }

    private void CreateGauges()
    {
        Meter.CreateObservableGauge(
            DsrTelemetry.ZohoCreditUsage,
            () => PerOrg<long>(o => [new Measurement<long>(o.CreditsUsed, OrgTag(o.OrgId))]),
            DsrTelemetry.UnitCredit,
            "Credits the org used in the rolling 24 hours.");
        Meter.CreateObservableGauge(
            DsrTelemetry.ZohoCreditLimit,
            () => PerOrg<long>(o => o.DailyCreditBudget is { } budget ? [new Measurement<long>(budget, OrgTag(o.OrgId))] : []),
            DsrTelemetry.UnitCredit,
            "The org's daily credit budget.");
        Meter.CreateObservableGauge(
            DsrTelemetry.RateGatePermitUsage,
            () => PerOrg<long>(o => [new Measurement<long>(o.PermitsInUse, OrgTag(o.OrgId))]),
            DsrTelemetry.UnitPermit,
            "Rate-gate permits held now.");
        Meter.CreateObservableGauge(
            DsrTelemetry.RateGatePermitLimit,
            () => PerOrg<long>(o => o.PermitLimit is { } limit ? [new Measurement<long>(limit, OrgTag(o.OrgId))] : []),
            DsrTelemetry.UnitPermit,
            "The rate gate's permit cap.");
        Meter.CreateObservableGauge(
            DsrTelemetry.ApprovalWaiting,
            () => PerOrg<long>(o => [new Measurement<long>(o.AwaitingApprovalSince.Count, OrgTag(o.OrgId))]),
            DsrTelemetry.UnitRequest,
            "Requests waiting for an approval decision.");
        Meter.CreateObservableGauge(
            DsrTelemetry.ApprovalOldestWait,
            () => PerOrg<double>(o => [new Measurement<double>(OldestWait(o, _timeProvider.GetUtcNow()).TotalSeconds, OrgTag(o.OrgId))]),
            DsrTelemetry.UnitSeconds,
            "How long the longest-waiting request has waited for approval.");
        Meter.CreateObservableGauge(
            DsrTelemetry.RequestOpen,
            () => PerOrg<long>(o => OpenByBucket(o, _timeProvider.GetUtcNow())),
            DsrTelemetry.UnitRequest,
            "Open requests by days to their due date.");
        Meter.CreateObservableGauge(
            DsrTelemetry.RequestDueSoon,
            () => PerOrg<long>(o => [DueSoon(o, _timeProvider.GetUtcNow())]),
            DsrTelemetry.UnitRequest,
            "Open requests due within the configured number of days, overdue ones included.");
    }

    private IEnumerable<Measurement<T>> PerOrg<T>(Func<OrgMetricsSnapshot, IEnumerable<Measurement<T>>> measure)
        where T : struct
    {
        var snapshot = _snapshots!.GetSnapshot() ?? DsrMetricsSnapshot.Empty;
        return snapshot.Orgs.SelectMany(measure).ToList();
    }

    private static TimeSpan OldestWait(OrgMetricsSnapshot org, DateTimeOffset now) =>
        org.AwaitingApprovalSince.Count == 0 ? TimeSpan.Zero : Max(TimeSpan.Zero, now - org.AwaitingApprovalSince.Min());

    private static IEnumerable<Measurement<long>> OpenByBucket(OrgMetricsSnapshot org, DateTimeOffset now)
    {
        var counts = org.OpenRequestsDueBy
            .GroupBy(dueBy => DsrDueBuckets.For(DeadlineCalculator.DaysLeft(dueBy, now)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var orgTag = OrgTag(org.OrgId);
        return DsrDueBuckets.All.Select(bucket =>
            new Measurement<long>(counts.GetValueOrDefault(bucket), orgTag, Tag(DsrTelemetryAttributes.DueBucket, bucket)));
    }

    private Measurement<long> DueSoon(OrgMetricsSnapshot org, DateTimeOffset now) =>
        new(
            org.OpenRequestsDueBy.Count(dueBy => DeadlineCalculator.DaysLeft(dueBy, now) <= _dueSoonDays),
            OrgTag(org.OrgId),
            new KeyValuePair<string, object?>(DsrTelemetryAttributes.DueWithinDays, _dueSoonDays));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);

    private static KeyValuePair<string, object?> OrgTag(string orgId) => Tag(DsrTelemetryAttributes.OrgId, Token(orgId, nameof(orgId)));

    private static string Token(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        return Token(value);
    }

    private static string Token(string value) =>
        value.Length <= MaxTokenLength && !value.AsSpan().ContainsAnyExcept(TokenChars) ? value : DsrTelemetryValues.Other;
}
