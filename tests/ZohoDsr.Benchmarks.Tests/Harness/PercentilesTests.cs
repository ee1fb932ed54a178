using ZohoDsr.Benchmarks.Harness;

namespace ZohoDsr.Benchmarks.Tests.Harness;

public sealed class PercentilesTests
{
    [Theory]
    [InlineData(50, 5)]
    [InlineData(95, 10)]
    [InlineData(99, 10)]
    [InlineData(10, 1)]
    public void Of_TenValues_NearestRank(double percentile, int expectedSeconds)
    {
        var values = Enumerable.Range(1, 10).Reverse().Select(s => TimeSpan.FromSeconds(s)).ToList();

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), Percentiles.Of(values, percentile));
    }

    [Fact]
    public void Of_NoValues_IsZero() => Assert.Equal(TimeSpan.Zero, Percentiles.Of([], 50));
}
