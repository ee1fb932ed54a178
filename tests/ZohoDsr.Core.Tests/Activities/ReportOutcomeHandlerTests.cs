using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Telemetry;
using ZohoDsr.Core.Tests.Telemetry;

namespace ZohoDsr.Core.Tests.Activities;

public sealed class ReportOutcomeHandlerTests : IDisposable
{
    private readonly MetricsCapture _capture = new();

    public void Dispose() => _capture.Dispose();

    [Fact]
    public async Task HandleAsync_FailedDelete_RecordsTheEndTheDurationAndEveryRecordByModuleAndOutcome()
    {
        var handler = new ReportOutcomeHandler(new DsrMetrics(_capture.MeterFactory, new FakeTimeProvider(), Options.Create(new DeadlineOptions())));
        var input = new ReportOutcomeInput("20071234", "req-1")
        {
            Type = DsrRequestType.Delete,
            Status = DsrStatus.Failed,
            ErrorType = DsrErrorTypes.RecordsNotDeleted,
            Duration = TimeSpan.FromSeconds(90),
            Records = [new("Contacts", RecordOutcomeKind.Deleted, 2), new("Calls", RecordOutcomeKind.Deleted, 3), new("Calls", RecordOutcomeKind.Failed, 1)],
        };

        ReportOutcomeResult result = await handler.HandleAsync(input, CancellationToken.None);

        Assert.Equal(6, result.Records);
        CapturedMeasurement ended = Assert.Single(_capture.Of(DsrTelemetry.RequestEnded));
        Assert.Equal(1, ended.Value);
        Assert.Equal(
            (DsrTelemetryValues.TypeDelete, DsrTelemetryValues.StatusFailed, "20071234", DsrErrorTypes.RecordsNotDeleted),
            (ended.Tag(DsrTelemetryAttributes.RequestType), ended.Tag(DsrTelemetryAttributes.RequestStatus), ended.Tag(DsrTelemetryAttributes.OrgId), ended.Tag(DsrTelemetryAttributes.ErrorType)));
        Assert.Equal(90, Assert.Single(_capture.Of(DsrTelemetry.RequestDuration)).Value);
        Assert.Equal(
            [("Calls", DsrTelemetryValues.OutcomeDeleted, 3d), ("Calls", DsrTelemetryValues.OutcomeFailed, 1d), ("Contacts", DsrTelemetryValues.OutcomeDeleted, 2d)],
            _capture.Of(DsrTelemetry.RecordOutcomes)
                .Select(m => (m.Tag(DsrTelemetryAttributes.Module)!, m.Tag(DsrTelemetryAttributes.RecordOutcome)!, m.Value))
                .Order());
        Assert.All(_capture.Of(DsrTelemetry.RecordOutcomes), m => Assert.Equal("20071234", m.Tag(DsrTelemetryAttributes.OrgId)));
    }

    [Fact]
    public void Of_CompletedAccess_CountsRecordsByModuleAndOutcomeWithoutReason()
    {
        var result = new DsrResult
        {
            RequestId = "req-2",
            OrgId = "org-1",
            Type = DsrRequestType.Access,
            Status = DsrStatus.Completed,
            Records = [new("Leads", "l1", RecordOutcomeKind.Found), new("Contacts", "c1", RecordOutcomeKind.Found), new("Leads", "l2", RecordOutcomeKind.Found)],
        };

        ReportOutcomeInput report = ReportOutcomeInput.Of(result, DsrErrorTypes.Throttled, TimeSpan.FromSeconds(-1));

        Assert.Null(report.ErrorType);
        Assert.Equal(TimeSpan.Zero, report.Duration);
        Assert.Equal([new RecordOutcomeCount("Contacts", RecordOutcomeKind.Found, 1), new RecordOutcomeCount("Leads", RecordOutcomeKind.Found, 2)], report.Records);
    }
}
