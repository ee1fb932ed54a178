using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using ZohoDsr.Core.Telemetry;

namespace ZohoDsr.Core.Tests.Telemetry;

public sealed class DsrMetricsServiceCollectionExtensionsTests
{
    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ZohoDsr:Deadlines:DueSoonDays"] = "4" })
            .Build());
        services.AddDsrMetrics();
        return services;
    }

    [Fact]
    public void AddDsrMetrics_NoSnapshotProvider_MetricsWithoutGauges()
    {
        using var provider = Services().BuildServiceProvider();

        var metrics = provider.GetRequiredService<DsrMetrics>();

        var instruments = new List<System.Diagnostics.Metrics.Instrument>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter))
                {
                    instruments.Add(instrument);
                }
            },
        };
        listener.Start();

        Assert.Same(metrics, provider.GetRequiredService<DsrMetrics>());
        Assert.Equal(DsrTelemetry.MeterName, metrics.Meter.Name);
        Assert.Equal(7, instruments.Count);
        Assert.DoesNotContain(instruments, i => i.IsObservable);
    }

    [Fact]
    public void AddDsrMetrics_SnapshotProviderRegistered_GaugesUseItAndTheConfiguredDays()
    {
        var services = Services();
        var snapshots = new Mock<IDsrMetricsSnapshotProvider>();
        snapshots.Setup(s => s.GetSnapshot()).Returns(new DsrMetricsSnapshot { Orgs = [new OrgMetricsSnapshot { OrgId = "1" }] });
        services.AddSingleton(snapshots.Object);
        using var provider = services.BuildServiceProvider();
        var metrics = provider.GetRequiredService<DsrMetrics>();
        var dueSoon = new List<(long Value, object? Days)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter) && instrument.Name == DsrTelemetry.RequestDueSoon)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            dueSoon.Add((value, tags.ToArray().Single(t => t.Key == DsrTelemetryAttributes.DueWithinDays).Value)));
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Equal([(0L, (object?)4)], dueSoon);
        snapshots.Verify(s => s.GetSnapshot(), Times.Once);
    }
}
