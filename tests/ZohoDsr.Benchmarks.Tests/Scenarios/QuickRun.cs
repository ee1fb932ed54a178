using ZohoDsr.Benchmarks;

namespace ZohoDsr.Benchmarks.Tests.Scenarios;

/// <summary>Runs a scenario's quick form into a folder of its own and checks what every scenario must produce.</summary>
internal static class QuickRun
{
    public static async Task<(ScenarioReport Report, string Markdown)> RunAsync(string name)
    {
        string folder = Path.Combine(Path.GetTempPath(), "zohodsr-bench-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            IScenario scenario = ScenarioCatalog.Get(name);
            var report = new ScenarioReport(scenario.Name, folder);
            await scenario.RunAsync(report, new ScenarioOptions { Quick = true }, CancellationToken.None);
            string path = report.Save();
            string markdown = await File.ReadAllTextAsync(path);
            foreach (string artifact in report.Artifacts.Keys)
            {
                Assert.True(File.Exists(Path.Combine(folder, artifact)), $"{artifact} was not written");
            }

            var failed = report.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}").ToList();
            Assert.True(failed.Count == 0, "Failed checks:\n" + string.Join("\n", failed));
            return (report, markdown);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
