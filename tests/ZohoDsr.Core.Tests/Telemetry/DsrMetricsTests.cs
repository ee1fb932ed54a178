using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Core.Tests.Telemetry;

public sealed class DsrMetricsTests : IDisposable
{
    private const string Org = "20071234";
    private static readonly DateTimeOffset Now = new(2025, 4, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly MetricsCapture _capture = new();
    private readonly FakeTimeProvider _time = new(Now);
    private DsrMetricsSnapshot _snapshot = DsrMetricsSnapshot.Empty;

    public void Dispose() => _capture.Dispose();

    private DsrMetrics Create(bool withSnapshots = true, int dueSoonDays = 7)
    {
        var provider = new Mock<IDsrMetricsSnapshotProvider>();
        provider.Setup(p => p.GetSnapshot()).Returns(() => _snapshot);
        return new DsrMetrics(
            _capture.MeterFactory,
            _time,
            Options.Create(new DeadlineOptions { DueSoonDays = dueSoonDays }),
            withSnapshots ? provider.Object : null);
    }

    [Fact]
    public void Constructor_WithSnapshots_PublishesEveryInstrumentOnTheZohoDsrMeterWithItsUnit()
    {
        var metrics = Create();

        var expected = new Dictionary<string, string>
        {
            [DsrTelemetry.RequestStarted] = "{request}",
            [DsrTelemetry.RequestEnded] = "{request}",
            [DsrTelemetry.RequestDuration] = "s",
            [DsrTelemetry.RequestOpen] = "{request}",
            [DsrTelemetry.RequestDueSoon] = "{request}",
            [DsrTelemetry.RecordOutcomes] = "{record}",
            [DsrTelemetry.ZohoCalls] = "{call}",
            [DsrTelemetry.ZohoCredits] = "{credit}",
            [DsrTelemetry.ZohoThrottles] = "{throttle}",
            [DsrTelemetry.ZohoCreditUsage] = "{credit}",
            [DsrTelemetry.ZohoCreditLimit] = "{credit}",
            [DsrTelemetry.RateGatePermitUsage] = "{permit}",
            [DsrTelemetry.RateGatePermitLimit] = "{permit}",
            [DsrTelemetry.ApprovalWaiting] = "{request}",
            [DsrTelemetry.ApprovalOldestWait] = "s",
        };

        Assert.Equal("ZohoDsr", metrics.Meter.Name);
        Assert.Equal(
            expected.OrderBy(e => e.Key, StringComparer.Ordinal),
            _capture.Instruments.Select(i => new KeyValuePair<string, string>(i.Name, i.Unit!)).OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.All(_capture.Instruments, i => Assert.False(string.IsNullOrWhiteSpace(i.Description)));
        Assert.All(_capture.Instruments, i => Assert.Same(metrics.Meter, i.Meter));
    }

    [Fact]
    public void Constructor_WithoutSnapshots_PublishesNoGauges()
    {
        Create(withSnapshots: false);

        Assert.Equal(7, _capture.Instruments.Count);
        Assert.DoesNotContain(_capture.Instruments, i => i.IsObservable);
    }

    [Fact]
    public void RequestStarted_Access_CountsOneWithTypeAndOrg()
    {
        Create().RequestStarted(DsrRequestType.Access, Org);

        var measurement = Assert.Single(_capture.Of(DsrTelemetry.RequestStarted));
        Assert.Equal(1, measurement.Value);
        Assert.Equal(
            new Dictionary<string, object?> { [DsrTelemetryAttributes.RequestType] = "access", [DsrTelemetryAttributes.OrgId] = Org },
            measurement.Tags);
    }

    [Fact]
    public void RequestEnded_Failed_CountsWithReasonAndRecordsDurationWithoutOrg()
    {
        Create().RequestEnded(DsrRequestType.Delete, DsrStatus.Failed, Org, TimeSpan.FromMinutes(90), DsrErrorTypes.RecordsNotDeleted);

        var ended = Assert.Single(_capture.Of(DsrTelemetry.RequestEnded));
        Assert.Equal(1, ended.Value);
        Assert.Equal(
            new Dictionary<string, object?>
            {
                [DsrTelemetryAttributes.RequestType] = "delete",
                [DsrTelemetryAttributes.RequestStatus] = "failed",
                [DsrTelemetryAttributes.OrgId] = Org,
                [DsrTelemetryAttributes.ErrorType] = "records_not_deleted",
            },
            ended.Tags);
        var duration = Assert.Single(_capture.Of(DsrTelemetry.RequestDuration));
        Assert.Equal(5400, duration.Value);
        Assert.Equal(
            new Dictionary<string, object?> { [DsrTelemetryAttributes.RequestType] = "delete", [DsrTelemetryAttributes.RequestStatus] = "failed" },
            duration.Tags);
    }

    [Theory]
    [InlineData(DsrStatus.Completed, "completed")]
    [InlineData(DsrStatus.Canceled, "canceled")]
    public void RequestEnded_NotFailed_LeavesErrorTypeOut(DsrStatus status, string expected)
    {
        Create().RequestEnded(DsrRequestType.Access, status, Org, TimeSpan.FromSeconds(3), DsrErrorTypes.Throttled);

        var ended = Assert.Single(_capture.Of(DsrTelemetry.RequestEnded));
        Assert.Equal(expected, ended.Tag(DsrTelemetryAttributes.RequestStatus));
        Assert.False(ended.Tags.ContainsKey(DsrTelemetryAttributes.ErrorType));
    }

    [Fact]
    public void RequestEnded_FailedWithoutReason_LeavesErrorTypeOut()
    {
        Create().RequestEnded(DsrRequestType.Access, DsrStatus.Failed, Org, TimeSpan.Zero);

        Assert.False(Assert.Single(_capture.Of(DsrTelemetry.RequestEnded)).Tags.ContainsKey(DsrTelemetryAttributes.ErrorType));
    }

    [Theory]
    [InlineData(DsrStatus.Pending)]
    [InlineData(DsrStatus.Running)]
    [InlineData(DsrStatus.AwaitingApproval)]
    public void RequestEnded_StatusNotFinal_ThrowsAndRecordsNothing(DsrStatus status)
    {
        var metrics = Create();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => metrics.RequestEnded(DsrRequestType.Access, status, Org, TimeSpan.FromSeconds(1)));

        Assert.Equal("status", error.ParamName);
        Assert.Empty(_capture.All());
    }

    [Fact]
    public void RequestEnded_NegativeDuration_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => Create().RequestEnded(DsrRequestType.Access, DsrStatus.Completed, Org, TimeSpan.FromSeconds(-1)));

    [Theory]
    [InlineData(RecordOutcomeKind.Found, "found")]
    [InlineData(RecordOutcomeKind.Deleted, "deleted")]
    [InlineData(RecordOutcomeKind.NotFound, "not_found")]
    [InlineData(RecordOutcomeKind.Failed, "failed")]
    [InlineData(RecordOutcomeKind.SkippedNotDeletable, "skipped_not_deletable")]
    [InlineData(RecordOutcomeKind.SkippedNotSelected, "skipped_not_selected")]
    public void RecordOutcome_Outcome_CountsWithOutcomeModuleAndOrg(RecordOutcomeKind outcome, string expected)
    {
        Create().RecordOutcome(outcome, "Contacts", Org, 3);

        var measurement = Assert.Single(_capture.Of(DsrTelemetry.RecordOutcomes));
        Assert.Equal(3, measurement.Value);
        Assert.Equal(
            new Dictionary<string, object?>
            {
                [DsrTelemetryAttributes.RecordOutcome] = expected,
                [DsrTelemetryAttributes.Module] = "Contacts",
                [DsrTelemetryAttributes.OrgId] = Org,
            },
            measurement.Tags);
    }

    [Fact]
    public void RecordOutcome_ZeroRecords_RecordsNothing()
    {
        Create().RecordOutcome(RecordOutcomeKind.Deleted, "Leads", Org, 0);

        Assert.Empty(_capture.All());
    }

    [Fact]
    public void RecordOutcome_NegativeCount_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => Create().RecordOutcome(RecordOutcomeKind.Deleted, "Leads", Org, -1));

    [Fact]
    public void RecordOutcome_EmptyModule_ThrowsNamingIt()
        => Assert.Equal("module", Assert.Throws<ArgumentException>(() => Create().RecordOutcome(RecordOutcomeKind.Deleted, " ", Org)).ParamName);

    [Fact]
    public void ZohoSpend_CallsCreditsAndThrottles_CountsEachForTheOrgSkippingZero()
    {
        var metrics = Create();

        metrics.ZohoSpend(Org, calls: 12, credits: 30, throttles: 0);
        metrics.ZohoSpend(Org, calls: 1, credits: 1, throttles: 1);

        Assert.Equal([12, 1], _capture.Of(DsrTelemetry.ZohoCalls).Select(m => m.Value));
        Assert.Equal([30, 1], _capture.Of(DsrTelemetry.ZohoCredits).Select(m => m.Value));
        Assert.Equal([1], _capture.Of(DsrTelemetry.ZohoThrottles).Select(m => m.Value));
        Assert.All(_capture.All(), m => Assert.Equal(Org, m.Tag(DsrTelemetryAttributes.OrgId)));
    }

    [Fact]
    public void ZohoSpend_NegativeCredits_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => Create().ZohoSpend(Org, 1, -1, 0));

    [Theory]
    [InlineData("jane.doe@example.com")]
    [InlineData("Contacts where Email = 'x'")]
    [InlineData("ÄÖÜ")]
    [InlineData("a-very-long-value-that-cannot-be-an-org-id-or-a-module-api-name-at-all")]
    public void Attributes_ValueNotAToken_ReportedAsOther(string value)
    {
        var metrics = Create();

        metrics.RequestStarted(DsrRequestType.Delete, value);
        metrics.RecordOutcome(RecordOutcomeKind.Found, value, Org);
        metrics.RequestEnded(DsrRequestType.Delete, DsrStatus.Failed, Org, TimeSpan.Zero, value);

        Assert.Equal("_OTHER", Assert.Single(_capture.Of(DsrTelemetry.RequestStarted)).Tag(DsrTelemetryAttributes.OrgId));
        Assert.Equal("_OTHER", Assert.Single(_capture.Of(DsrTelemetry.RecordOutcomes)).Tag(DsrTelemetryAttributes.Module));
        Assert.Equal("_OTHER", Assert.Single(_capture.Of(DsrTelemetry.RequestEnded)).Tag(DsrTelemetryAttributes.ErrorType));
        Assert.DoesNotContain(_capture.All().SelectMany(m => m.Tags.Values), v => Equals(v, value));
    }

    [Fact]
    public void Gauges_Snapshot_ReportCreditsAndPermitsPerOrg()
    {
        Create();
        _snapshot = new DsrMetricsSnapshot
        {
            Orgs =
            [
                new OrgMetricsSnapshot { OrgId = Org, CreditsUsed = 4200, DailyCreditBudget = 5000, PermitsInUse = 3, PermitLimit = 7 },
                new OrgMetricsSnapshot { OrgId = "60012345", CreditsUsed = 10 },
            ],
        };

        _capture.Collect();

        Assert.Equal([(Org, 4200.0), ("60012345", 10.0)], ValuesByOrg(DsrTelemetry.ZohoCreditUsage));
        Assert.Equal([(Org, 5000.0)], ValuesByOrg(DsrTelemetry.ZohoCreditLimit));
        Assert.Equal([(Org, 3.0), ("60012345", 0.0)], ValuesByOrg(DsrTelemetry.RateGatePermitUsage));
        Assert.Equal([(Org, 7.0)], ValuesByOrg(DsrTelemetry.RateGatePermitLimit));
    }

    [Fact]
    public void Gauges_EmptySnapshot_ReportNothing()
    {
        Create();

        _capture.Collect();

        Assert.Empty(_capture.All());
    }

    [Fact]
    public void ApprovalGauges_TwoWaiting_CountAndAgeOfTheOldestFromTheClock()
    {
        Create();
        _snapshot = new DsrMetricsSnapshot
        {
            Orgs =
            [
                new OrgMetricsSnapshot { OrgId = Org, AwaitingApprovalSince = [Now.AddHours(-2), Now.AddHours(-30)] },
                new OrgMetricsSnapshot { OrgId = "60012345" },
            ],
        };

        _capture.Collect();
        _time.Advance(TimeSpan.FromHours(1));
        _capture.Collect();

        Assert.Equal([(Org, 2.0), ("60012345", 0.0), (Org, 2.0), ("60012345", 0.0)], ValuesByOrg(DsrTelemetry.ApprovalWaiting));
        Assert.Equal(
            [(Org, 30 * 3600.0), ("60012345", 0.0), (Org, 31 * 3600.0), ("60012345", 0.0)],
            ValuesByOrg(DsrTelemetry.ApprovalOldestWait));
    }

    [Fact]
    public void RequestOpen_DueDates_CountsEveryBucketPerOrgZerosIncluded()
    {
        Create();
        var cet = TimeSpan.FromHours(1);
        _snapshot = new DsrMetricsSnapshot
        {
            Orgs =
            [
                new OrgMetricsSnapshot
                {
                    OrgId = Org,
                    OpenRequestsDueBy =
                    [
                        EndOfDay(Now.AddDays(-1), cet), // overdue
                        EndOfDay(Now, cet), // due today
                        EndOfDay(Now.AddDays(7), cet),
                        EndOfDay(Now.AddDays(8), cet),
                        EndOfDay(Now.AddDays(40), cet),
                        EndOfDay(Now.AddDays(15), cet),
                    ],
                },
            ],
        };

        _capture.Collect();

        var byBucket = _capture.Of(DsrTelemetry.RequestOpen).ToDictionary(m => m.Tag(DsrTelemetryAttributes.DueBucket)!, m => m.Value);
        Assert.Equal(
            new Dictionary<string, double> { ["overdue"] = 1, ["0-7"] = 2, ["8-14"] = 1, ["15+"] = 2 },
            byBucket);
        Assert.All(_capture.Of(DsrTelemetry.RequestOpen), m => Assert.Equal(Org, m.Tag(DsrTelemetryAttributes.OrgId)));
    }

    [Fact]
    public void RequestDueSoon_ThreeDays_CountsOverdueAndDueWithinThreeDays()
    {
        Create(dueSoonDays: 3);
        _snapshot = new DsrMetricsSnapshot
        {
            Orgs =
            [
                new OrgMetricsSnapshot
                {
                    OrgId = Org,
                    OpenRequestsDueBy = [EndOfDay(Now.AddDays(-5), TimeSpan.Zero), EndOfDay(Now.AddDays(3), TimeSpan.Zero), EndOfDay(Now.AddDays(4), TimeSpan.Zero)],
                },
            ],
        };

        _capture.Collect();
        _time.Advance(TimeSpan.FromDays(1));
        _capture.Collect();

        Assert.Equal([2.0, 3.0], _capture.Of(DsrTelemetry.RequestDueSoon).Select(m => m.Value));
        Assert.All(_capture.Of(DsrTelemetry.RequestDueSoon), m => Assert.Equal("3", m.Tag(DsrTelemetryAttributes.DueWithinDays)));
    }

    private List<(string Org, double Value)> ValuesByOrg(string instrument) =>
        _capture.Of(instrument).Select(m => (m.Tag(DsrTelemetryAttributes.OrgId)!, m.Value)).ToList();

    private static DateTimeOffset EndOfDay(DateTimeOffset time, TimeSpan offset) =>
        new(DateOnly.FromDateTime(time.ToOffset(offset).DateTime).ToDateTime(TimeOnly.MaxValue), offset);
}
