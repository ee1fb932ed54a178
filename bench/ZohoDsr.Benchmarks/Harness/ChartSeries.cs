namespace ZohoDsr.Benchmarks.Harness;

/// <summary>One line of a chart: points (x, y), a colour and a dash pattern (null: solid).</summary>
public sealed record ChartSeries(string Name, string Color, string? Dash, IReadOnlyList<(double X, double Y)> Points);
