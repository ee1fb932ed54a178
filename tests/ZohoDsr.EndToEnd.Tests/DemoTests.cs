using System.Text.Json;
using ZohoCrm.Simulator;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.Local.Cli;
using ZohoDsr.Local.Cli.Demo;
using ZohoDsr.Local.Hosting;

namespace ZohoDsr.EndToEnd.Tests;

/// <summary>The <c>demo</c> command as a new user runs it, and its result against the simulator's own state.</summary>
public sealed class DemoTests : IDisposable
{
    private readonly string _exports = Path.Combine(Path.GetTempPath(), "zohodsr-e2e-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_exports))
        {
            Directory.Delete(_exports, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_AsNewUser_SummaryMatchesThePlantedSubject()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        int exitCode = await LocalCli.InvokeAsync(["demo", "--json", "--export-path", _exports], output, error, TextReader.Null);

        Assert.True(exitCode == ExitCodes.Ok, error.ToString() + output);
        Assert.Empty(error.ToString());
        DemoReport report = JsonSerializer.Deserialize<DemoReport>(output.ToString(), DsrJson.Options)!;

        // The same seed in a simulator of our own says what the demo had to find.
        await using SimulatorHost simulator = await SimulatorHost.StartAsync(new SimulatorOptions(), CancellationToken.None);
        SeedResult seed = simulator.AddOrg(new SimOrgSpec { OrgId = LocalHostOptions.DemoOrgId, DataCenter = "US" }).Seed(new LocalHostOptions().DemoSeed);
        PlantedSubject subject = seed.Subject(report.SubjectName);
        Assert.Equal(subject.Email, report.SubjectEmail);
        Assert.Equal(seed.RecordsByModule.Values.Sum(), report.SeededRecords);

        Assert.Equal(DsrStatus.Completed, report.Access.Status);
        Assert.Equal(
            DemoVerifier.Owned(subject).Where(e => e.Value.Count > 0).ToDictionary(e => e.Key, e => e.Value.Count),
            report.Access.Result!.Modules.Where(m => m.Found > 0).ToDictionary(m => m.Module, m => m.Found));
        Assert.True(File.Exists(report.Access.Result.ExportLocation), report.Access.Result.ExportLocation);

        Assert.Equal(0, report.DryRun.Result!.Modules.Sum(m => m.Deleted));

        List<string> deletable = new DsrOptions().DeletableModules;
        var expectedDeleted = DemoVerifier.Owned(subject)
            .Where(e => deletable.Contains(e.Key))
            .SelectMany(e => e.Value.Select(id => (e.Key, id)))
            .ToHashSet();
        var reportedDeleted = report.Delete.Result!.Records
            .Where(r => r.Outcome == RecordOutcomeKind.Deleted)
            .Select(r => (r.Module, r.RecordId))
            .ToHashSet();
        Assert.NotEmpty(expectedDeleted);
        Assert.Equal(expectedDeleted, reportedDeleted);
        Assert.Equal(expectedDeleted.Count, report.Delete.Result.Modules.Sum(m => m.Deleted));
        Assert.Equal(expectedDeleted.Count, report.SimulatorRecordsDeleted);
        Assert.All(report.Checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
    }

    [Fact]
    public async Task Demo_Scenario_SimulatorHoldsNoneOfTheDeletedRecords()
    {
        var context = new CliContext(TextWriter.Null, TextWriter.Null, Json: false, TimeProvider.System);
        await using LocalHost host = await LocalHost.StartAsync(DemoScenario.CreateHostOptions(_exports, TimeProvider.System), CancellationToken.None);
        long deletedBefore = host.Demo!.Org.Counters.RecordsDeleted;

        DemoReport report = await DemoScenario.RunAsync(host, context, CancellationToken.None);

        Assert.True(report.Passed, string.Join("; ", report.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        PlantedSubject subject = host.Demo.Seed.Subject(report.SubjectName);
        List<string> deletable = new DsrOptions().DeletableModules;
        int deleted = 0;
        foreach ((string module, IReadOnlyList<string> ids) in DemoVerifier.Owned(subject))
        {
            foreach (string id in ids)
            {
                bool shouldBeGone = deletable.Contains(module);
                Assert.True(host.Demo.Org.Exists(module, id) != shouldBeGone, $"{module}/{id}");
                deleted += shouldBeGone ? 1 : 0;
            }
        }

        Assert.Equal(deleted, host.Demo.Org.Counters.RecordsDeleted - deletedBefore);
        Assert.Equal(deleted, report.Delete.Result!.Modules.Sum(m => m.Deleted));

        // Every other planted subject is untouched.
        foreach (PlantedSubject other in host.Demo.Seed.Subjects.Where(s => s.Name != subject.Name))
        {
            Assert.All(other.ExpectedRecordIds.SelectMany(e => e.Value.Select(id => (e.Key, id))), r => Assert.True(host.Demo.Org.Exists(r.Key, r.id), $"{other.Name}: {r.Key}/{r.id}"));
        }
    }
}
