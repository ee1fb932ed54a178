using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ZohoDsr.Local.Hosting;

namespace ZohoDsr.Local.Tests.Hosting;

public sealed class LocalTelemetrySettingsTests
{
    [Fact]
    public void AddTelemetry_NothingSet_ExportsNothing()
    {
        using ServiceProvider services = Build(new Dictionary<string, string?>());

        Assert.Null(services.GetService<MeterProvider>());
        Assert.Null(services.GetService<TracerProvider>());
    }

    [Theory]
    [InlineData(LocalTelemetry.ConsoleKey, "true")]
    [InlineData(LocalTelemetry.OtlpEndpointKey, "http://127.0.0.1:4317")]
    public void AddTelemetry_ConsoleOrOtlp_ExportsMetricsAndSpans(string key, string value)
    {
        using ServiceProvider services = Build(new Dictionary<string, string?> { [key] = value });

        Assert.NotNull(services.GetService<MeterProvider>());
        Assert.NotNull(services.GetService<TracerProvider>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddInMemoryCollection(settings);
        LocalTelemetry.AddTelemetry(builder);
        return builder.Services.BuildServiceProvider();
    }
}
