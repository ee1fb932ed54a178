using System.Xml.Linq;
using ZohoDsr.Benchmarks.Harness;

namespace ZohoDsr.Benchmarks.Tests.Harness;

public sealed class SvgLineChartTests
{
    [Fact]
    public void Render_TwoSeries_WellFormedSvgWithALineAndALegendEntryEach()
    {
        string svg = SvgLineChart.Render("Calls <by> size", "records", "calls",
        [
            new ChartSeries("scan", "#c0392b", null, [(1_000, 87), (100_000, 6_050)]),
            new ChartSeries("ours & co", "#2471a3", "6 4", [(1_000, 68), (100_000, 68)]),
        ]);

        XDocument document = XDocument.Parse(svg);
        Assert.Equal(2, document.Descendants().Count(e => e.Name.LocalName == "polyline"));
        Assert.Contains(document.Descendants(), e => e.Name.LocalName == "text" && e.Value == "ours & co");
        Assert.Contains(document.Descendants(), e => e.Name.LocalName == "text" && e.Value == "Calls <by> size");
    }

    [Fact]
    public void Render_NoPositivePoint_Throws()
        => Assert.Throws<ArgumentException>(() => SvgLineChart.Render("t", "x", "y", [new ChartSeries("s", "#000", null, [(0, 0)])]));
}
