using System.Text.Json;
using ZohoCrm.Simulator;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.EndToEnd.Tests.Support;
using ZohoDsr.TestSupport;

namespace ZohoDsr.EndToEnd.Tests.Durability;

/// <summary>
/// The local host killed with SIGKILL at the points a request spends its time (waiting for approval, waiting on a throttle
/// timer, between delete batches, in the middle of an export) and started again on the same storage: the request is
/// found, resumes from its history, completes, and its report equals what the simulator says happened.
/// </summary>
public sealed class CrashResumeTests(SimulatorFixture simulator, AzuriteFixture azurite)
    : IClassFixture<SimulatorFixture>, IClassFixture<AzuriteFixture>
{
    private static readonly SeedSpec Seed = new() { Contacts = 200, Leads = 100, Cases = 60, RelatedPerContact = 1 };
    private static readonly HashSet<string> Deletable = new(new DsrOptions().DeletableModules, StringComparer.Ordinal);

    [Fact]
    public async Task Kill_WhileDeleteAwaitsApproval_RestartedHostFindsItAndCompletesOnApproval()
    {
        using var org = new HostedOrg(simulator, azurite, Seed);
        PlantedSubject subject = org.Seed.Subject("multi-module");
        string requestId;
        await using (LocalHostProcess first = await org.StartHostAsync())
        {
            requestId = await org.SubmitAsync(first, subject, DsrRequestType.Delete, requireApproval: true);
            await org.WaitForAsync(first, requestId, v => v.Status == DsrStatus.AwaitingApproval);
            first.Kill();
        }

        Assert.Equal(0, org.Org.Counters.RecordsDeleted);
        await using LocalHostProcess second = await org.StartHostAsync();
        Assert.Equal(DsrStatus.AwaitingApproval, (await org.StatusAsync(second, requestId)).Status);

        DsrStatusView done = await org.ApproveAsync(second, requestId);

        AssertDeletedExactly(org, subject, done);
    }

    [Fact]
    public async Task Kill_WhileWaitingOnAThrottleTimer_RestartedHostRetriesAndCompletes()
    {
        using var org = new HostedOrg(simulator, azurite, Seed);
        PlantedSubject subject = org.Seed.Subject("multi-module");
        string requestId;
        await using (LocalHostProcess first = await org.StartHostAsync())
        {
            org.Org.Faults.Rate429 = 1;
            requestId = await org.SubmitAsync(first, subject, DsrRequestType.Delete);
            await HostedOrg.UntilAsync(() => org.Org.Counters.ThrottledCalls >= 2);
            first.Kill();
        }

        org.Org.Faults.Clear();
        await using LocalHostProcess second = await org.StartHostAsync();
        DsrStatusView done = await org.WaitForAsync(second, requestId, Finished);

        AssertDeletedExactly(org, subject, done);
    }

    [Fact]
    public async Task Kill_BetweenDeleteBatches_RestartedHostDeletesTheRestAndCountsEachRecordOnce()
    {
        using var org = new HostedOrg(simulator, azurite, Seed);
        PlantedSubject subject = org.Seed.Subject("over-200");
        Assert.True(subject.ExpectedRecordIds.Values.Sum(v => v.Count) > 200);
        string requestId;
        await using (LocalHostProcess first = await org.StartHostAsync())
        {
            org.Org.Faults.LatencyMin = TimeSpan.FromMilliseconds(150);
            org.Org.Faults.LatencyMax = TimeSpan.FromMilliseconds(250);
            requestId = await org.SubmitAsync(first, subject, DsrRequestType.Delete);
            await HostedOrg.UntilAsync(() => org.Org.Counters.RecordsDeleted > 0);
            first.Kill();
        }

        org.Org.Faults.Clear();
        long deletedBeforeRestart = org.Org.Counters.RecordsDeleted;
        await using LocalHostProcess second = await org.StartHostAsync();
        DsrStatusView done = await org.WaitForAsync(second, requestId, Finished);

        Assert.InRange(deletedBeforeRestart, 1, subject.ExpectedRecordIds.Values.Sum(v => v.Count) - 1);
        AssertDeletedExactly(org, subject, done);
    }

    [Fact]
    public async Task Kill_InTheMiddleOfAnExport_RestartedHostWritesOneCompleteExportAndNoParts()
    {
        using var org = new HostedOrg(simulator, azurite, Seed);
        PlantedSubject subject = org.Seed.Subject("over-200");
        string requestId;
        await using (LocalHostProcess first = await org.StartHostAsync())
        {
            org.Org.Faults.LatencyMin = TimeSpan.FromMilliseconds(30);
            org.Org.Faults.LatencyMax = TimeSpan.FromMilliseconds(60);
            requestId = await org.SubmitAsync(first, subject, DsrRequestType.Access);
            await org.WaitForAsync(first, requestId, v => v.Progress?.Phase == "export");
            first.Kill();
        }

        org.Org.Faults.Clear();
        string folder = Path.Combine(org.ExportPath, org.Org.OrgId, requestId);
        Assert.False(File.Exists(Path.Combine(folder, "export.json")), "the export was finished before the kill");
        await using LocalHostProcess second = await org.StartHostAsync();
        DsrStatusView done = await org.WaitForAsync(second, requestId, Finished);

        Assert.Equal(DsrStatus.Completed, done.Status);
        using JsonDocument export = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "export.json")));
        var exported = export.RootElement.GetProperty("modules").EnumerateObject()
            .Where(m => m.Value.GetArrayLength() > 0)
            .ToDictionary(m => m.Name, m => m.Value.EnumerateArray().Select(r => r.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(Expected(subject, _ => true), exported);
        Assert.Equal(subject.TotalExpected, export.RootElement.GetProperty("records").GetInt32());
        Assert.False(Directory.Exists(Path.Combine(folder, "parts")) && Directory.EnumerateFiles(Path.Combine(folder, "parts")).Any(), "export parts were left behind");
    }

    private static bool Finished(DsrStatusView view) => view.Status is DsrStatus.Completed or DsrStatus.Failed or DsrStatus.Canceled;

    /// <summary>
    /// The report against the simulator's ground truth: every deletable planted record reported deleted exactly once and
    /// gone to the recycle bin, nothing reported "not found", the non-deletable ones kept, and Zoho's own deletion count
    /// equal to the report's.
    /// </summary>
    private static void AssertDeletedExactly(HostedOrg org, PlantedSubject subject, DsrStatusView done)
    {
        Assert.True(done.Status == DsrStatus.Completed, done.Error);
        DsrResult result = done.Result!;
        var deleted = result.Records.Where(r => r.Outcome == RecordOutcomeKind.Deleted).Select(r => (r.Module, r.RecordId)).ToList();
        Assert.Equal(deleted.Count, deleted.Distinct().Count());
        Assert.Equal(result.Records.Count, result.Records.Select(r => (r.Module, r.RecordId)).Distinct().Count());
        Assert.DoesNotContain(result.Records, r => r.Outcome is RecordOutcomeKind.NotFound or RecordOutcomeKind.Failed);

        Dictionary<string, List<string>> expected = Expected(subject, Deletable.Contains);
        Assert.Equal(expected, deleted.GroupBy(d => d.Module).ToDictionary(g => g.Key, g => g.Select(d => d.RecordId).Order(StringComparer.Ordinal).ToList()));
        Assert.All(deleted, d => Assert.True(!org.Org.Exists(d.Module, d.RecordId) && org.Org.IsInRecycleBin(d.Module, d.RecordId), $"{d.Module}/{d.RecordId}"));
        Assert.All(Expected(subject, m => !Deletable.Contains(m)).SelectMany(p => p.Value.Select(id => (p.Key, id))), r => Assert.True(org.Org.Exists(r.Key, r.id)));
        Assert.Equal(deleted.Count, org.Org.Counters.RecordsDeleted);
    }

    private static Dictionary<string, List<string>> Expected(PlantedSubject subject, Func<string, bool> modules)
        => subject.ExpectedRecordIds
            .Where(p => p.Value.Count > 0 && modules(p.Key))
            .ToDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
}
