using System.Xml.Linq;
using ZohoDsr.Benchmarks.Scenarios.Cost;

namespace ZohoDsr.Benchmarks.Tests.Scenarios;

public sealed class CostScenarioTests
{
    [Fact]
    public async Task RunAsync_QuickForm_FindsThePlantedRecordsAndWritesTheHeadlineAndChart()
    {
        (ScenarioReport report, string markdown) = await QuickRun.RunAsync("cost");

        // Ours and the scan found and deleted exactly what was planted, under the gate's cap, for every subject and request.
        Assert.Contains(report.Checks, c => c.Name.Contains("ours access subject 50", StringComparison.Ordinal));
        Assert.Contains(report.Checks, c => c.Name.Contains("scan deletes subject 50", StringComparison.Ordinal));
        Assert.Contains(report.Checks, c => c.Name.EndsWith("self-reported calls equal the simulator's", StringComparison.Ordinal));
        Assert.Contains(report.Checks, c => c.Name.EndsWith("no more calls than the scan", StringComparison.Ordinal));
        Assert.Contains(report.Checks, c => c.Name.EndsWith("the dry run's calls plus one GET per record", StringComparison.Ordinal));
        Assert.Contains("| ours calls |", markdown, StringComparison.Ordinal);
        Assert.Contains("## Where ours is above the lower bound", markdown, StringComparison.Ordinal);
        Assert.NotNull(report.Headline);
        Assert.Matches(@"^headline: at 1,000 records per module, ours [\d,]+ calls vs scan [\d,]+ calls \([\d.]+x fewer\); [\d.]+x the lower bound", report.Headline);
        XDocument chart = XDocument.Parse(report.Artifacts[CostTables.ChartFile]);
        Assert.Equal("svg", chart.Root!.Name.LocalName);
        Assert.Contains(chart.Descendants(), e => e.Name.LocalName == "polyline");
    }
}
