using ZohoCrm.Simulator;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;
using ZohoDsr.EndToEnd.Tests.Support;
using ZohoDsr.TestSupport;

namespace ZohoDsr.EndToEnd.Tests.Durability;

/// <summary>
/// Two local host processes on one task hub, as two Function App instances share one: they split the work, and the org's
/// rate gate, an entity in the hub, holds its cap across both.
/// </summary>
public sealed class ScaleOutTests(SimulatorFixture simulator, AzuriteFixture azurite)
    : IClassFixture<SimulatorFixture>, IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TwoHostsOneTaskHub_TwentyRequests_AllCompleteBothWorkAndTheGateHolds()
    {
        // Standard edition: 10 calls in flight per org; the gate grants 75 % of it, 7 permits.
        using var org = new HostedOrg(simulator, azurite, new SeedSpec { Contacts = 150, Leads = 80, Cases = 40, RelatedPerContact = 1 }, edition: "Standard");
        org.Org.Faults.LatencyMin = TimeSpan.FromMilliseconds(5);
        org.Org.Faults.LatencyMax = TimeSpan.FromMilliseconds(20);
        await using LocalHostProcess first = await org.StartHostAsync();
        await using LocalHostProcess second = await org.StartHostAsync();
        LocalHostProcess[] hosts = [first, second];
        PlantedSubject[] subjects = [.. org.Seed.Subjects.Where(s => s.Name != "over-2000")];

        var requests = new List<(string RequestId, PlantedSubject Subject)>();
        for (int i = 0; i < 20; i++)
        {
            PlantedSubject subject = subjects[i % subjects.Length];
            requests.Add((await org.SubmitAsync(hosts[i % 2], subject, DsrRequestType.Access), subject));
        }

        DsrStatusView[] done = await Task.WhenAll(requests.Select((r, i) =>
            org.WaitForAsync(hosts[(i + 1) % 2], r.RequestId, v => v.Status is DsrStatus.Completed or DsrStatus.Failed or DsrStatus.Canceled)));

        for (int i = 0; i < requests.Count; i++)
        {
            Assert.True(done[i].Status == DsrStatus.Completed, $"{requests[i].RequestId}: {done[i].Status} {done[i].Error}");
            Assert.Equal(
                requests[i].Subject.ExpectedRecordIds.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToList()),
                done[i].Result!.Records.Where(r => r.Outcome == RecordOutcomeKind.Found).GroupBy(r => r.Module)
                    .ToDictionary(g => g.Key, g => g.Select(r => r.RecordId).Order(StringComparer.Ordinal).ToList()));
        }

        Assert.True(first.ActivityLines() > 0, "the first host ran no activity");
        Assert.True(second.ActivityLines() > 0, "the second host ran no activity");
        Assert.InRange(org.Org.Counters.PeakConcurrency, 1, 7);
    }
}
