using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Local.Hosting;

/// <summary>
/// The local host's telemetry: ZohoDsr's meter and spans through OpenTelemetry, written to the console when
/// <see cref="ConsoleKey"/> is true and sent over OTLP when <see cref="OtlpEndpointKey"/> is set (an Aspire dashboard, a
/// collector). Neither set: nothing is exported (the instruments still count, for a listener in the process).
/// </summary>
internal static class LocalTelemetry
{
    /// <summary>Writes metrics and spans to the console (<c>true</c>/<c>false</c>, default false).</summary>
    public const string ConsoleKey = "ZohoDsr:Telemetry:Console";

    /// <summary>The OTLP endpoint, as OpenTelemetry names it (with OTEL_EXPORTER_OTLP_PROTOCOL and the other OTEL_ settings).</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The service name the exported telemetry carries.</summary>
    public const string ServiceName = "ZohoDsr.Local";

    public static void AddTelemetry(WebApplicationBuilder builder)
    {
        bool console = builder.Configuration.GetValue<bool>(ConsoleKey);
        bool otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);
        if (!console && !otlp)
        {
            return;
        }

        IOpenTelemetryBuilder telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(DsrTelemetry.MeterName);
                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(DsrTelemetry.ActivitySourceName);
                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            });
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }
    }
}
