using System.Diagnostics.Metrics;

namespace ZohoDsr.Core.Tests.Telemetry;

/// <summary>One measurement a <see cref="MetricsCapture"/> saw.</summary>
public sealed record CapturedMeasurement(Instrument Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public string? Tag(string name) => Tags.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}
