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
}
