using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace ZohoDsr.Core.Tests.Telemetry;

/// <summary>
/// Listens, with a <see cref="MeterListener"/>, to the instruments of meters made by one <see cref="IMeterFactory"/> of
/// its own, so tests running in parallel never see each other's measurements.
/// </summary>
public sealed class MetricsCapture : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly List<CapturedMeasurement> _measurements = [];
    private readonly List<Instrument> _instruments = [];
    private readonly Lock _lock = new();

    public MetricsCapture()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        MeterFactory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, MeterFactory))
            {
                lock (_lock)
                {
                    _instruments.Add(instrument);
                }

                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public IMeterFactory MeterFactory { get; }

    public IReadOnlyList<Instrument> Instruments
    {
        get
        {
            lock (_lock)
            {
                return [.. _instruments];
            }
        }
    }

    /// <summary>Reads every observable instrument once.</summary>
    public void Collect() => _listener.RecordObservableInstruments();

    public IReadOnlyList<CapturedMeasurement> Of(string instrumentName)
    {
        lock (_lock)
        {
            return _measurements.Where(m => m.Instrument.Name == instrumentName).ToList();
        }
    }

    public IReadOnlyList<CapturedMeasurement> All()
    {
        lock (_lock)
        {
            return [.. _measurements];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _measurements.Clear();
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_lock)
        {
            _measurements.Add(new CapturedMeasurement(instrument, value, copy));
        }
    }
}
