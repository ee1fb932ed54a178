namespace ZohoDsr.Benchmarks.Tests.Scenarios;

public sealed class SoakScenarioTests
{
    [Fact]
    public async Task RunAsync_QuickForm_EveryReportEqualsTheSimulatorsTruthUnderFaults()
    {
        (ScenarioReport report, string markdown) = await QuickRun.RunAsync("soak");

        // QuickRun fails on any failed check; these name the invariants that must have been checked at all.
        Assert.Contains(report.Checks, c => c.Name == "every request ended");
        Assert.Contains(report.Checks, c => c.Name.StartsWith("every deletable record of a delete", StringComparison.Ordinal));
        Assert.Contains(report.Checks, c => c.Name.StartsWith("every completed access exported", StringComparison.Ordinal));
        Assert.Contains(report.Checks, c => c.Name == "no record of anyone else deleted");
        Assert.Contains(report.Checks, c => c.Name == "soak-19: no permit left held");
        Assert.Contains(report.Checks, c => c.Name == "soak-19: credits under the budget");
        Assert.Matches(@"^headline: 100 requests over 20 orgs with [\d.]+% of Zoho's answers faulted", report.Headline);
        Assert.Matches(@"\| fault +\| fired \|", markdown);
    }
}
