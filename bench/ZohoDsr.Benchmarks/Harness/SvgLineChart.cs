using System.Globalization;
using System.Net;
using System.Text;

namespace ZohoDsr.Benchmarks.Harness;

/// <summary>A line chart with logarithmic axes, written as plain SVG (no package).</summary>
public static class SvgLineChart
{
    private const int Width = 760;
    private const int Height = 460;
    private const int Left = 80;
    private const int Right = 220;
    private const int Top = 50;
    private const int Bottom = 60;

    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var points = series.SelectMany(s => s.Points).Where(p => p.X > 0 && p.Y > 0).ToList();
        if (points.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one positive point.", nameof(series));
        }

        (double xMin, double xMax) = Decades(points.Min(p => p.X), points.Max(p => p.X));
        (double yMin, double yMax) = Decades(points.Min(p => p.Y), points.Max(p => p.Y));
        double plotWidth = Width - Left - Right;
        double plotHeight = Height - Top - Bottom;
        double X(double x) => Left + ((Math.Log10(x) - Math.Log10(xMin)) / (Math.Log10(xMax) - Math.Log10(xMin)) * plotWidth);
        double Y(double y) => Top + plotHeight - ((Math.Log10(y) - Math.Log10(yMin)) / (Math.Log10(yMax) - Math.Log10(yMin)) * plotHeight);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" font-family="sans-serif" font-size="12">""").AppendLine();
        svg.Append(CultureInfo.InvariantCulture, $"""<rect width="{Width}" height="{Height}" fill="white"/>""").AppendLine();
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left}" y="24" font-size="15" font-weight="bold">{Escape(title)}</text>""").AppendLine();
        for (double d = xMin; d <= xMax * 1.0001; d *= 10)
        {
            double x = X(d);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{x:F1}" y1="{Top}" x2="{x:F1}" y2="{Top + plotHeight:F1}" stroke="#ddd"/>""").AppendLine();
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x:F1}" y="{Top + plotHeight + 18:F1}" text-anchor="middle">{Escape(Short(d))}</text>""").AppendLine();
        }

        for (double d = yMin; d <= yMax * 1.0001; d *= 10)
        {
            double y = Y(d);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{y:F1}" x2="{Left + plotWidth:F1}" y2="{y:F1}" stroke="#ddd"/>""").AppendLine();
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left - 8}" y="{y + 4:F1}" text-anchor="end">{Escape(Short(d))}</text>""").AppendLine();
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{Left}" y="{Top}" width="{plotWidth:F1}" height="{plotHeight:F1}" fill="none" stroke="#333"/>""").AppendLine();
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left + (plotWidth / 2):F1}" y="{Height - 18}" text-anchor="middle">{Escape(xLabel)}</text>""").AppendLine();
        svg.Append(CultureInfo.InvariantCulture, $"""<text transform="translate(20 {Top + (plotHeight / 2):F1}) rotate(-90)" text-anchor="middle">{Escape(yLabel)}</text>""").AppendLine();

        int legend = 0;
        foreach (ChartSeries s in series)
        {
            var line = s.Points.Where(p => p.X > 0 && p.Y > 0).OrderBy(p => p.X).ToList();
            if (line.Count == 0)
            {
                continue;
            }

            string dash = s.Dash is null ? string.Empty : $" stroke-dasharray=\"{s.Dash}\"";
            string path = string.Join(" ", line.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.X):F1},{Y(p.Y):F1}")));
            svg.Append(CultureInfo.InvariantCulture, $"""<polyline points="{path}" fill="none" stroke="{s.Color}" stroke-width="2"{dash}/>""").AppendLine();
            foreach ((double px, double py) in line)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{X(px):F1}" cy="{Y(py):F1}" r="3" fill="{s.Color}"><title>{Escape(s.Name)}: {py:N0}</title></circle>""").AppendLine();
            }

            double ly = Top + 10 + (legend * 20);
            double lx = Left + plotWidth + 15;
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{lx:F1}" y1="{ly:F1}" x2="{lx + 28:F1}" y2="{ly:F1}" stroke="{s.Color}" stroke-width="2"{dash}/>""").AppendLine();
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{lx + 34:F1}" y="{ly + 4:F1}">{Escape(s.Name)}</text>""").AppendLine();
            legend++;
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static (double Min, double Max) Decades(double min, double max)
    {
        double low = Math.Pow(10, Math.Floor(Math.Log10(min)));
        double high = Math.Pow(10, Math.Ceiling(Math.Log10(max)));
        return (low, high <= low ? low * 10 : high);
    }

    private static string Short(double value) => value switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1_000 => (value / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("0.#", CultureInfo.InvariantCulture),
    };

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
