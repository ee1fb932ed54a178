using System.Globalization;
using ZohoDsr.Benchmarks.Harness;

namespace ZohoDsr.Benchmarks.Scenarios.Cost;

/// <summary>Writes the cost scenario's tables, headline and chart.</summary>
public static class CostTables
{
    public const string ChartFile = "cost-calls-by-org-size.svg";

    public static void Write(
        ScenarioReport report,
        IReadOnlyList<CostOrgSize> sizes,
        IReadOnlyList<CostMeasurement> measurements,
        IReadOnlyList<IReadOnlyList<object>> orgRows,
        IReadOnlyList<IReadOnlyList<object>> scanRows)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(measurements);
        report.Note($"Zoho latency {CostScenario.Latency.TotalMilliseconds:N0} ms ± {CostScenario.Jitter.TotalMilliseconds:N0} ms per call (simulator), Enterprise org (gate cap {GateCap.For("Enterprise")} calls in flight), API v8 for ours, v2 for the scan; "
            + $"{ProductHost.EngineDescription}. Ours is the product end to end: signed webhook to the local host, the Functions app's orchestration on the Durable Task Framework over Azurite, the real Zoho client. "
            + "Our metadata reads (org, fields, Contacts related lists) are cached per org for 5 minutes: each org's first request pays them (Orgs table), the measured requests come after it.");

        report.Section("Orgs");
        report.Table(["org", "Contacts", "Leads", "Cases", "each child module (avg)", "records seeded", "seeding", "first request's calls (subject with no records)", "note"], orgRows);

        report.Section("Calls per request: ours, the seed's scan, the lower bound");
        report.Note("Calls are API calls (token calls excluded), counted by the simulator. The scan reads each org once for all subjects; each request is charged that whole read, as the seed runs it per request (it has no dry run: its dry run is its access). "
            + "Where Zoho stops the scan (PAGINATION_LIMIT_EXCEEDED: Get Records reaches 100,000 records per module at most), the scan cannot finish: the table gives the calls it made and the pages a complete read takes; ratios and the chart use the latter. "
            + "At 1M the scan is not run (it would stop where it stops at 100k); its calls are counted from the records. The 2,500-record access runs on the 1k org only: over a minute each, and our calls do not depend on the org's size (compare the other subjects' rows across orgs). "
            + "Lower bound: one exact lookup per parent module, one related lookup per module per 50 matched contacts, one Get Records ids= per 100 records for an export, one delete per 100 ids; no metadata, no verification.");
        report.Table(
            ["org", "subject records", "request", "ours calls", "ours credits", "lower bound calls (credits)", "ours ÷ lower bound", "scan calls", "scan credits", "scan ÷ ours", "ours wall", "scan wall", "ours peak", "scan peak"],
            measurements.Select(m => (IReadOnlyList<object>)
            [
                m.Size.Label, m.Subject.Total, CostMeasurement.ModeLabel(m.Mode), m.Ours.TotalCalls, m.Ours.TotalCredits,
                $"{m.LowerBoundCalls:N0} ({m.LowerBoundCredits:N0})", Ratio(m.Ours.TotalCalls, m.LowerBoundCalls),
                ScanCalls(m), m.ScanCredits, Ratio(ScanCallsToFinish(m), m.Ours.TotalCalls), m.OursWall, m.ScanWall is { } wall ? wall : "-", m.Ours.PeakConcurrency, m.ScanPeak is { } peak ? peak : "-",
            ]));

        report.Section("Our calls by endpoint kind");
        report.Table(
            ["org", "subject records", "request", .. EndpointKinds.All.Where(k => k != EndpointKind.Other).Select(EndpointKinds.Label), "COQL credits", "token calls", "self-reported calls"],
            measurements.Select(m => (IReadOnlyList<object>)
            [
                m.Size.Label, m.Subject.Total, CostMeasurement.ModeLabel(m.Mode),
                .. EndpointKinds.All.Where(k => k != EndpointKind.Other).Select(k => (object)m.Ours[k]),
                m.Ours.Credits[EndpointKind.Coql], m.Ours.TokenRequests, m.OursSelfReported,
            ]));

        CostOrgSize headlineSize = sizes.FirstOrDefault(s => s.Label == "100k") ?? sizes[^1];
        report.Section($"Where ours is above the lower bound ({headlineSize.Label} org)");
        var above = new List<IReadOnlyList<object>>();
        // Each subject and request at the headline size, or where it last ran (the 2,500-record access runs on 1k only).
        var shown = measurements.GroupBy(m => (m.Subject.Total, m.Mode))
            .Select(g => g.FirstOrDefault(m => m.Size == headlineSize) ?? g.Last())
            .OrderBy(m => m.Subject.Total).ThenBy(m => m.Mode switch { RequestMode.DeleteDryRun => 0, RequestMode.Access => 1, _ => 2 })
            .ToList();
        foreach (CostMeasurement m in shown)
        {
            foreach (Purpose purpose in Enum.GetValues<Purpose>())
            {
                long ours = m.OursByPurpose.GetValueOrDefault(purpose);
                long bound = m.LowerBound.GetValueOrDefault(purpose).Calls;
                if (ours == 0 && bound == 0)
                {
                    continue;
                }

                above.Add([m.Subject.Total, CostMeasurement.ModeLabel(m.Mode) + (m.Size == headlineSize ? string.Empty : $" ({m.Size.Label} org)"), purpose.ToString().ToLowerInvariant(), ours, bound,
                    ours > bound ? $"+{ours - bound:N0}" : (ours - bound).ToString("N0", CultureInfo.InvariantCulture),
                    ours > bound ? OursPurposes.Why(purpose, m) : string.Empty]);
            }
        }

        report.Note("COQL calls are split by purpose from two extra dry runs per subject (parent modules only, and all modules); every other kind has one purpose.");
        report.Table(["subject records", "request", "purpose", "ours", "lower bound", "difference", "why"], above);
        CostMeasurement? credits = shown.Where(m => m.Ours[EndpointKind.Coql] > 0).MaxBy(m => m.Ours.Credits[EndpointKind.Coql] - m.Ours[EndpointKind.Coql]);
        if (credits is not null && credits.Ours.Credits[EndpointKind.Coql] > credits.Ours[EndpointKind.Coql])
        {
            report.Note($"COQL LIMIT: {credits.Ours.Credits[EndpointKind.Coql]:N0} credits for {credits.Ours[EndpointKind.Coql]:N0} COQL calls (subject {credits.Subject.Total:N0}, {CostMeasurement.ModeLabel(credits.Mode)}): pages past 200 rows are asked with LIMIT 1,000 or 2,000 (2 or 3 credits).");
        }

        report.Section("The seed's scan by module");
        report.Table(["org", "module", "records", "pages (calls)", "records read", "end"], scanRows);

        WriteHeadline(report, headlineSize, measurements);
        report.Artifact(ChartFile, Chart(sizes, measurements));
        report.Note($"Chart: [{ChartFile}]({ChartFile}) (access requests; calls against records per module, log-log).");
    }

    private static void WriteHeadline(ScenarioReport report, CostOrgSize size, IReadOnlyList<CostMeasurement> measurements)
    {
        CostMeasurement? m = measurements.FirstOrDefault(x => x.Size == size && x.Mode == RequestMode.Access && x.Subject.Total == 50)
            ?? measurements.FirstOrDefault(x => x.Size == size && x.Mode == RequestMode.Access);
        if (m is null)
        {
            return;
        }

        long scan = ScanCallsToFinish(m);
        if (m.ScanCallsIfComplete is not null)
        {
            report.Note($"The headline counts the scan's pages to read every record ({scan:N0}); Zoho stopped it at 100,000 records per module after {m.ScanCalls:N0} calls (PAGINATION_LIMIT_EXCEEDED), so the seed's approach cannot finish this org.");
        }

        report.SetHeadline(string.Create(CultureInfo.InvariantCulture,
            $"headline: at {size.PerModule:N0} records per module, ours {m.Ours.TotalCalls:N0} calls vs scan {scan:N0} calls ({(double)scan / m.Ours.TotalCalls:0.0}x fewer); {(double)m.Ours.TotalCalls / Math.Max(1, m.LowerBoundCalls):0.0}x the lower bound"
            + $" (access request, subject of {m.Subject.Total:N0} records)"));
    }

    private static string Chart(IReadOnlyList<CostOrgSize> sizes, IReadOnlyList<CostMeasurement> measurements)
    {
        string[] dashes = ["6 4", string.Empty, "2 3"];
        var series = new List<ChartSeries>();
        var subjects = measurements.Select(m => m.Subject.Total).Distinct().Order().ToList();
        for (int i = 0; i < subjects.Count; i++)
        {
            var access = measurements.Where(m => m.Mode == RequestMode.Access && m.Subject.Total == subjects[i]).ToList();
            string? dash = dashes[Math.Min(i, dashes.Length - 1)] is { Length: > 0 } d ? d : null;
            series.Add(new ChartSeries($"scan, {subjects[i]:N0} rec.", "#c0392b", dash, access.Select(m => ((double)m.Size.PerModule, (double)ScanCallsToFinish(m))).ToList()));
            series.Add(new ChartSeries($"ours, {subjects[i]:N0} rec.", "#2471a3", dash, access.Select(m => ((double)m.Size.PerModule, (double)m.Ours.TotalCalls)).ToList()));
            series.Add(new ChartSeries($"lower bound, {subjects[i]:N0} rec.", "#229954", dash, access.Select(m => ((double)m.Size.PerModule, (double)Math.Max(1, m.LowerBoundCalls))).ToList()));
        }

        return SvgLineChart.Render("Calls per access request against org size", "records per module (1M: Contacts only)", "Zoho API calls", series);
    }

    private static long ScanCallsToFinish(CostMeasurement m) => m.ScanCallsIfComplete ?? m.ScanCalls;

    private static string ScanCalls(CostMeasurement m) => m switch
    {
        { ScanMeasured: false } => string.Create(CultureInfo.InvariantCulture, $"{m.ScanCalls:N0} to finish (counted, not run)"),
        { ScanCallsIfComplete: { } complete } => string.Create(CultureInfo.InvariantCulture, $"{m.ScanCalls:N0}, stopped ({complete:N0} to finish)"),
        _ => m.ScanCalls.ToString("N0", CultureInfo.InvariantCulture),
    };

    private static string Ratio(long a, long b) => b == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{(double)a / b:0.0}x");
}
