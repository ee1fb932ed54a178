namespace ZohoDsr.Core.Telemetry;

/// <summary>
/// Feeds <see cref="DsrMetrics"/>' gauges: the state of every org at the moment the metrics are collected
/// (every 60 seconds with the Azure Monitor exporter, once per gauge).
/// </summary>
public interface IDsrMetricsSnapshotProvider
{
    /// <summary>
    /// The latest snapshot. Called on the metrics collection thread, once for each gauge: return a cached value the
    /// implementation refreshes on its own schedule; never call Zoho, Durable or Storage from here.
    /// </summary>
    DsrMetricsSnapshot GetSnapshot();
}
