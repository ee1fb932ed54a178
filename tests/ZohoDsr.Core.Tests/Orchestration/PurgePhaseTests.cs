using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;
using ZohoDsr.Core.Tests.Replay;
using static ZohoDsr.Core.Tests.Orchestration.OrchestrationScenario;

namespace ZohoDsr.Core.Tests.Orchestration;

/// <summary>The recycle bin (<see cref="PurgePhase"/>): retention reported, purged where the API allows it.</summary>
public sealed class PurgePhaseTests
{
    [Fact]
    public async Task RunAsync_Deleted_RecycleBinRetainedSixtyDaysFromCompletion()
    {
        var org = Org();

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete));

        Assert.Equal(result.CompletedAt!.Value.AddDays(60), result.RecycleBinRetainedUntil);
        Assert.False(result.RecycleBinPurged);
        Assert.Empty(org.InputsOf<PurgeRecycleBinInput>(ActivityNames.PurgeRecycleBin));
    }

    [Fact]
    public async Task RunAsync_PurgeOnApiV8_PurgesEveryDeletedRecord()
    {
        var org = Org();
        org.Found["Contacts"] = [.. Enumerable.Range(1, 150).Select(i => $"c{i:D3}")];

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete, purge: true));

        var purges = org.InputsOf<PurgeRecycleBinInput>(ActivityNames.PurgeRecycleBin).ToList();
        Assert.All(purges, p => Assert.InRange(p.RecordIds.Count, 1, 100));
        Assert.Equal(org.Deleted.Order(StringComparer.Ordinal), purges.SelectMany(p => p.RecordIds).Order(StringComparer.Ordinal));
        Assert.True(result.RecycleBinPurged);
    }

    [Fact]
    public async Task RunAsync_PurgeWithNotFoundRecords_PurgesThemBestEffort()
    {
        var org = Org();
        org.DeleteCodes["k2"] = "INVALID_DATA"; // e.g. deleted by an earlier attempt of the same batch
        org.PurgeFailures.Add("k2");

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete, purge: true));

        Assert.Contains("k2", org.InputsOf<PurgeRecycleBinInput>(ActivityNames.PurgeRecycleBin).SelectMany(p => p.RecordIds));
        Assert.True(result.RecycleBinPurged);
        Assert.NotNull(result.RecycleBinRetainedUntil);
    }

    [Fact]
    public async Task RunAsync_PurgeOnApiV2_NotAttempted()
    {
        var org = Org();
        org.Profile = org.Profile with { ApiVersion = 2 };

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete, purge: true));

        Assert.Empty(org.InputsOf<PurgeRecycleBinInput>(ActivityNames.PurgeRecycleBin));
        Assert.False(result.RecycleBinPurged);
        Assert.NotNull(result.RecycleBinRetainedUntil);
        Assert.Contains(org.Audits.SelectMany(a => a.Entries), e => e.Action == "purge" && e.Outcome == "not-supported");
    }

    [Fact]
    public async Task RunAsync_PurgePartlyFails_NotReportedPurged()
    {
        var org = Org();
        org.PurgeFailures.Add("k1");

        var (result, _) = await RunAsync(org, Input(DsrRequestType.Delete, purge: true));

        Assert.False(result.RecycleBinPurged);
        Assert.Equal(DsrStatus.Completed, result.Status);
    }
}
