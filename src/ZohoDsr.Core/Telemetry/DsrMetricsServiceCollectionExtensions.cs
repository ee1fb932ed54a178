using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ZohoDsr.Core.Deadlines;

namespace ZohoDsr.Core.Telemetry;

/// <summary>Registers ZohoDsr's instruments.</summary>
public static class DsrMetricsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the metrics infrastructure (<see cref="System.Diagnostics.Metrics.IMeterFactory"/>), the deadline options
    /// the due-date gauges read, and a singleton <see cref="DsrMetrics"/>. Its gauges report only when the host also
    /// registers an <see cref="IDsrMetricsSnapshotProvider"/>. Exporting is the host's: <c>AddMeter(DsrTelemetry.MeterName)</c>.
    /// </summary>
    public static IServiceCollection AddDsrMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.AddDsrDeadlines();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DsrMetrics>();
        return services;
    }

    /// <summary>
    /// Adds <see cref="AddDsrMetrics"/> with its gauges: a <see cref="DsrMetricsSnapshotSource"/> as the
    /// <see cref="IDsrMetricsSnapshotProvider"/>, over the request records of the HTTP contract (which the host adds). The host
    /// refreshes it on a schedule (<see cref="DsrMetricsSnapshotSource.RefreshAsync"/>).
    /// </summary>
    public static IServiceCollection AddDsrMetricsSnapshots(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDsrMetrics();
        services.TryAddSingleton<DsrMetricsSnapshotSource>();
        services.TryAddSingleton<IDsrMetricsSnapshotProvider>(sp => sp.GetRequiredService<DsrMetricsSnapshotSource>());
        return services;
    }
}
