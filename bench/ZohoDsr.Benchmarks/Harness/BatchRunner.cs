using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Benchmarks.Harness;

/// <summary>Submits requests at once (each to its host), waits for all of them, and measures the batch at the simulator.</summary>
public static class BatchRunner
{
    public static async Task<BatchResult> RunAsync(
        IReadOnlyList<(DsrClient Client, DsrRequest Request)> work, IReadOnlyList<BenchOrg> orgs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(orgs);
        foreach (BenchOrg org in orgs)
        {
            org.Org.Counters.Reset();
        }

        await using var sampler = new ConcurrencySampler(orgs.Select(o => o.Org).ToList());
        IReadOnlyDictionary<string, DateTimeOffset>[] submitted = await Task.WhenAll(work
            .GroupBy(w => w.Client)
            .Select(g => g.Key.SubmitAllAsync(g.Select(w => w.Request).ToList(), cancellationToken)));
        var submittedAt = submitted.SelectMany(d => d).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        IReadOnlyDictionary<string, DsrStatusView> done = await work[0].Client.WaitAllAsync(
            work.Select(w => (w.Request.RequestId!, w.Request.OrgId!)).ToList(), TimeSpan.FromMilliseconds(250), cancellationToken);
        await sampler.StopAsync();

        var tallies = orgs.Select(o => CallTally.From(o.Org.Counters)).ToList();
        DateTimeOffset first = submittedAt.Values.Min();
        DateTimeOffset last = done.Values.Max(v => v.LastUpdatedAt);
        return new BatchResult
        {
            Requests = work.Count,
            Completed = done.Values.Count(v => v.Status == DsrStatus.Completed),
            Wall = last - first,
            CompletionTimes = done.Select(p => p.Value.LastUpdatedAt - submittedAt[p.Key]).ToList(),
            Throttled = tallies.Sum(t => t.Throttled),
            PeakPerOrg = tallies.Max(t => t.PeakConcurrency),
            MeanInFlightPerOrg = sampler.MeanInFlight(first, last),
            Calls = tallies.Sum(t => t.TotalCalls),
            Credits = tallies.Sum(t => t.TotalCredits),
        };
    }
}
