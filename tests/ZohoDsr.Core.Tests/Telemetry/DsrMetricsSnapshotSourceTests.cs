using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ZohoCrm.Client;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Core.Tests.Telemetry;

public sealed class DsrMetricsSnapshotSourceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly string _exports = Path.Combine(Path.GetTempPath(), "zohodsr-snapshot-tests-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(Now);
    private readonly MetricsCapture _capture = new();
    private readonly DsrRequestRecords _records;
    private readonly DsrMetricsSnapshotSource _source;
    private readonly Mock<IDsrInstanceClient> _instances = new(MockBehavior.Strict);

    public DsrMetricsSnapshotSourceTests()
    {
        _records = new DsrRequestRecords(new LocalFolderExportStore(_exports));
        var zoho = new ZohoCrmClientOptions();
        zoho.Orgs["acme"] = new ZohoOrgOptions { ClientId = "1000.ACME" };
        zoho.Orgs["quiet"] = new ZohoOrgOptions { ClientId = "1000.QUIET" };
        _source = new DsrMetricsSnapshotSource(_records, Options.Create(zoho), _time);
    }

    public void Dispose()
    {
        _capture.Dispose();
        if (Directory.Exists(_exports))
        {
            Directory.Delete(_exports, recursive: true);
        }
    }

    [Fact]
    public async Task RefreshAsync_OpenRequestsAndAGate_GaugesReportPermitsApprovalsAndDueDatesPerOrg()
    {
        // Two pages: one request waiting for approval for 20 minutes (due in 3 days), one running (overdue by a day).
        await Deadline("r-wait", Now.AddDays(3));
        await Deadline("r-late", Now.AddDays(-1));
        _instances.Setup(i => i.ListAsync(It.Is<DsrInstanceQuery>(q => q.ContinuationToken == null), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DsrInstancePage([Instance("r-wait", DsrStatus.AwaitingApproval, Now.AddMinutes(-20))], "next"));
        _instances.Setup(i => i.ListAsync(It.Is<DsrInstanceQuery>(q => q.ContinuationToken == "next"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DsrInstancePage([Instance("r-late", DsrStatus.Running, Now.AddMinutes(-1))], null));
        var gate = new OrgRateGateState { Capacity = 5, CreditBudget = 1000 };
        gate.Leases["holder-1"] = new GateLease(2, Now.UtcDateTime.AddMinutes(1), 2);
        gate.Leases["crashed"] = new GateLease(3, Now.UtcDateTime.AddMinutes(-1), 3);
        gate.CreditsByHour[Now.UtcDateTime.AddHours(-2)] = 40;
        gate.CreditsByHour[Now.UtcDateTime.AddHours(-30)] = 500;
        var metrics = new DsrMetrics(_capture.MeterFactory, _time, Options.Create(new DeadlineOptions { DueSoonDays = 7 }), _source);

        DsrMetricsSnapshot snapshot = await _source.RefreshAsync(
            _instances.Object, (org, _) => Task.FromResult(org == "acme" ? gate : null), CancellationToken.None);
        _capture.Collect();

        Assert.Equal(["acme", "quiet"], snapshot.Orgs.Select(o => o.OrgId));
        Assert.Equal(2, Gauge(DsrTelemetry.RateGatePermitUsage, "acme"));
        Assert.Equal(5, Gauge(DsrTelemetry.RateGatePermitLimit, "acme"));
        Assert.Equal(40, Gauge(DsrTelemetry.ZohoCreditUsage, "acme"));
        Assert.Equal(1000, Gauge(DsrTelemetry.ZohoCreditLimit, "acme"));
        Assert.Equal(1, Gauge(DsrTelemetry.ApprovalWaiting, "acme"));
        Assert.Equal(20 * 60, Gauge(DsrTelemetry.ApprovalOldestWait, "acme"));
        Assert.Equal(2, Gauge(DsrTelemetry.RequestDueSoon, "acme"));
        Dictionary<string, double> open = _capture.Of(DsrTelemetry.RequestOpen)
            .Where(m => m.Tag(DsrTelemetryAttributes.OrgId) == "acme")
            .ToDictionary(m => m.Tag(DsrTelemetryAttributes.DueBucket)!, m => m.Value);
        Assert.Equal(new Dictionary<string, double> { [DsrDueBuckets.Overdue] = 1, [DsrDueBuckets.Days0To7] = 1, [DsrDueBuckets.Days8To14] = 0, [DsrDueBuckets.Days15Plus] = 0 }, open);
        Assert.Equal(0, Gauge(DsrTelemetry.RateGatePermitUsage, "quiet"));
        Assert.DoesNotContain(_capture.Of(DsrTelemetry.RateGatePermitLimit), m => m.Tag(DsrTelemetryAttributes.OrgId) == "quiet");
        Assert.Equal(0, Gauge(DsrTelemetry.ApprovalWaiting, "quiet"));
    }

    [Fact]
    public async Task GetSnapshot_OlderThanMaxAge_ReportsNothing()
    {
        _instances.Setup(i => i.ListAsync(It.IsAny<DsrInstanceQuery>(), It.IsAny<CancellationToken>())).ReturnsAsync(new DsrInstancePage([], null));
        await _source.RefreshAsync(_instances.Object, (_, _) => Task.FromResult<OrgRateGateState?>(null), CancellationToken.None);
        Assert.Equal(2, _source.GetSnapshot().Orgs.Count);

        _time.Advance(_source.MaxAge + TimeSpan.FromSeconds(1));

        Assert.Same(DsrMetricsSnapshot.Empty, _source.GetSnapshot());
    }

    private double Gauge(string instrument, string orgId)
        => Assert.Single(_capture.Of(instrument), m => m.Tag(DsrTelemetryAttributes.OrgId) == orgId).Value;

    private Task Deadline(string requestId, DateTimeOffset dueBy)
        => _records.CreateDeadlineAsync("acme", requestId, new DsrDeadline { Regime = DeadlineRegimeKind.Gdpr, ReceivedAt = Now.AddDays(-20), DueBy = dueBy, OriginalDueBy = dueBy }, CancellationToken.None);

    private static DsrInstanceState Instance(string requestId, DsrStatus status, DateTimeOffset lastUpdatedAt) => new(
        DsrInstanceId.For("acme", requestId),
        DsrRuntimeStatus.Running,
        new DsrOrchestrationInput { RequestId = requestId, OrgId = "acme", Type = DsrRequestType.Delete, SubjectEmail = "x@example.com" },
        new DsrProgress(status, DsrPhases.Resolve, 0, 0, 0, 0, 0),
        null,
        Now.AddDays(-20),
        lastUpdatedAt,
        null);
}
