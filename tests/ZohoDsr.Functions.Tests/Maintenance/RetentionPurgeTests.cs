using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Exports;
using ZohoDsr.Functions.Maintenance;

namespace ZohoDsr.Functions.Tests.Maintenance;

public sealed class RetentionPurgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);

    private readonly Mock<DurableTaskClient> _client = new("test");
    private readonly Mock<IExportStore> _exports = new();
    private readonly RetentionPurge _purge;

    public RetentionPurgeTests()
    {
        _purge = new RetentionPurge(
            _exports.Object, Options.Create(new DsrOptions { RetentionDays = 30, AuditRetentionDays = 1095 }), new FakeTimeProvider(Now), NullLogger<RetentionPurge>.Instance);
    }

    [Fact]
    public async Task RunAsync_Daily_PurgesInstancesAndExportsPastRetentionAndAuditLogsPastTheirs()
    {
        PurgeInstancesFilter? filter = null;
        _client.Setup(c => c.PurgeAllInstancesAsync(It.IsAny<PurgeInstancesFilter>(), It.IsAny<CancellationToken>()))
            .Callback((PurgeInstancesFilter f, CancellationToken _) => filter = f)
            .ReturnsAsync(new PurgeResult(4, true));
        _exports.Setup(e => e.DeleteExportsOlderThanAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(4);

        await _purge.RunAsync(new TimerInfo(), _client.Object, CancellationToken.None);

        Assert.NotNull(filter);
        Assert.Null(filter.CreatedFrom);
        Assert.Equal(Now.AddDays(-30), filter.CreatedTo);
        Assert.Equal(
            [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
            filter.Statuses!.Order());
        _exports.Verify(e => e.DeleteExportsOlderThanAsync(Now.AddDays(-30), CancellationToken.None), Times.Once);
        _exports.Verify(e => e.DeleteAuditLogsOlderThanAsync(Now.AddDays(-1095), CancellationToken.None), Times.Once);
    }

    [Fact]
    public async Task RunAsync_PurgeIncomplete_RepeatsUntilComplete()
    {
        _client.SetupSequence(c => c.PurgeAllInstancesAsync(It.IsAny<PurgeInstancesFilter>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PurgeResult(100, false))
            .ReturnsAsync(new PurgeResult(100, false))
            .ReturnsAsync(new PurgeResult(7, true));

        await _purge.RunAsync(new TimerInfo(), _client.Object, CancellationToken.None);

        _client.Verify(c => c.PurgeAllInstancesAsync(It.IsAny<PurgeInstancesFilter>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task RunAsync_PurgeNeverCompletes_StopsAfterMaxRounds()
    {
        _client.Setup(c => c.PurgeAllInstancesAsync(It.IsAny<PurgeInstancesFilter>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PurgeResult(1, false));

        await _purge.RunAsync(new TimerInfo(), _client.Object, CancellationToken.None);

        _client.Verify(c => c.PurgeAllInstancesAsync(It.IsAny<PurgeInstancesFilter>(), It.IsAny<CancellationToken>()), Times.Exactly(RetentionPurge.MaxRounds));
        _exports.Verify(e => e.DeleteExportsOlderThanAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public void RunAsync_Schedule_IsDailyAtThreeUtc()
    {
        TimerTriggerAttribute trigger = typeof(RetentionPurge).GetMethod(nameof(RetentionPurge.RunAsync))!
            .GetParameters()[0].GetCustomAttributes(typeof(TimerTriggerAttribute), false).Cast<TimerTriggerAttribute>().Single();

        Assert.Equal("0 0 3 * * *", trigger.Schedule);
    }
}
