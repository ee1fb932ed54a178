using ZohoDsr.Core.Engine;

namespace ZohoDsr.Core.Tests.Engine;

public sealed class OrchestrationSynchronizationContextTests
{
    [Fact]
    public async Task RunAsync_ParallelBranches_ContinuationsRunOneAtATime()
    {
        var inside = 0;
        var peak = 0;

        var total = await new OrchestrationSynchronizationContext().RunAsync(async () =>
        {
            var counter = 0;
            var branches = Enumerable.Range(0, 20).Select(async _ =>
            {
                for (var i = 0; i < 50; i++)
                {
                    await Task.Run(() => { }); // completes on the thread pool; the continuation comes back to the context
                    var now = Interlocked.Increment(ref inside);
                    peak = Math.Max(peak, now);
                    counter++;
                    Interlocked.Decrement(ref inside);
                }
            }).ToList();
            await Task.WhenAll(branches);
            return counter;
        }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1000, total);
        Assert.Equal(1, peak);
    }

    [Fact]
    public async Task RunAsync_BodyThrows_FaultsWithItsException()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new OrchestrationSynchronizationContext().RunAsync<int>(async () =>
        {
            await Task.Yield();
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal("boom", error.Message);
    }
}
