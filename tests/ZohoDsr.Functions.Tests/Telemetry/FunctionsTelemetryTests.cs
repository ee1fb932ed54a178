using System.Diagnostics;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Telemetry;
using ZohoDsr.Functions.Telemetry;

namespace ZohoDsr.Functions.Tests.Telemetry;

public sealed class FunctionsTelemetryTests
{
    [Fact]
    public void AddZohoDsrTelemetry_NoConnectionString_ExportsTheZohoDsrMeterAndSourceWithoutAzureMonitor()
    {
        ServiceCollection services = Services(new Dictionary<string, string?>());
        var metrics = new List<Metric>();
        var spans = new List<Activity>();
        services.ConfigureOpenTelemetryMeterProvider(builder => builder.AddInMemoryExporter(metrics));
        services.ConfigureOpenTelemetryTracerProvider(builder => builder.AddInMemoryExporter(spans));

        using ServiceProvider provider = services.BuildServiceProvider();
        MeterProvider meters = provider.GetRequiredService<MeterProvider>();
        TracerProvider tracers = provider.GetRequiredService<TracerProvider>();
        provider.GetRequiredService<DsrMetrics>().RequestStarted(DsrRequestType.Delete, "acme");
        using (DsrTelemetry.ActivitySource.StartActivity("FunctionsTelemetryTests"))
        {
        }

        Assert.True(meters.ForceFlush());
        Assert.True(tracers.ForceFlush());
        Assert.Contains(metrics, m => m.Name == DsrTelemetry.RequestStarted && m.MeterName == DsrTelemetry.MeterName);
        Assert.Contains(spans, s => s.Source.Name == DsrTelemetry.ActivitySourceName && s.OperationName == "FunctionsTelemetryTests");
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IConfigureOptions<AzureMonitorExporterOptions>));
    }

    [Fact]
    public void AddZohoDsrTelemetry_ConnectionStringWithEntraAuthentication_AddsAzureMonitorWithTheManagedIdentity()
    {
        const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:1/";
        ServiceCollection services = Services(new Dictionary<string, string?>
        {
            [FunctionsTelemetry.ConnectionStringKey] = ConnectionString,
            [FunctionsTelemetry.AuthenticationStringKey] = "Authorization=AAD;ClientId=11111111-2222-3333-4444-555555555555",
        });

        using ServiceProvider provider = services.BuildServiceProvider();
        AzureMonitorExporterOptions options = provider.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);

        Assert.Equal(ConnectionString, options.ConnectionString);
        Assert.IsType<ManagedIdentityCredential>(options.Credential);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("Authorization=Key", false)]
    [InlineData("Authorization=AAD", true)]
    [InlineData(" authorization = aad ; ClientId = abc ", true)]
    public void EntraCredential_AuthenticationString_ManagedIdentityOnlyForAad(string? authenticationString, bool expected)
        => Assert.Equal(expected, FunctionsTelemetry.EntraCredential(authenticationString) is ManagedIdentityCredential);

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        ServiceCollection services = new();
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddDsrMetrics();
        services.AddZohoDsrTelemetry(configuration);
        return services;
    }
}
