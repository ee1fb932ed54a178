using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Core.Telemetry;
using ZohoDsr.Local.Engine;

namespace ZohoDsr.Local.Hosting;

/// <summary>
/// The local host's counterpart of the Functions app's RefreshMetrics timer: refreshes the gauges' snapshot every
/// <see cref="IntervalKey"/> (default 30 seconds) from the task hub and the rate gate entities, once the engine runs.
/// </summary>
internal sealed class MetricsSnapshotRefresher(
    DsrMetricsSnapshotSource snapshots,
    EngineSlot slot,
    IDsrInstanceClient instances,
    IConfiguration configuration,
    TimeProvider timeProvider,
    ILogger<MetricsSnapshotRefresher> logger) : BackgroundService
{
    /// <summary>How often the gauges' snapshot is refreshed (a TimeSpan).</summary>
    public const string IntervalKey = "ZohoDsr:Telemetry:SnapshotInterval";

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    /// <summary>Takes a snapshot now (when the engine runs); false before the engine started.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        if (!slot.IsSet)
        {
            return false;
        }

        DurableEngine engine = slot.Engine;
        DsrMetricsSnapshot snapshot = await snapshots.RefreshAsync(
            instances,
            (orgId, ct) => engine.GetEntityStateAsync<OrgRateGateState>(EntityNames.OrgRateGate, orgId, ct),
            cancellationToken).ConfigureAwait(false);
        Log.MetricsRefreshed(logger, snapshot.Orgs.Count);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        TimeSpan interval = configuration.GetValue(IntervalKey, DefaultInterval);
        using var timer = new PeriodicTimer(interval > TimeSpan.Zero ? interval : DefaultInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await RefreshAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.MetricsRefreshFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
