using ZohoDsr.Core.Orchestration;

namespace ZohoDsr.Core.Tests.Orchestration;

public sealed class ThrottleBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    /// <summary>A GUID whose jitter fraction is <paramref name="top"/> / 256 (the highest of the first 8 bytes, little-endian).</summary>
    internal static Guid Jitter(byte top)
    {
        var bytes = new byte[16];
        bytes[7] = top;
        return new Guid(bytes);
    }

    [Theory]
    [InlineData(0x00, 0.0)]
    [InlineData(0x40, 0.25)]
    [InlineData(0x80, 0.5)]
    [InlineData(0xC0, 0.75)]
    public void Fraction_GuidBytes_UniformFraction(byte top, double expected)
        => Assert.Equal(expected, ThrottleBackoff.Fraction(Jitter(top)));

    [Fact]
    public void Fraction_AllBitsSet_BelowOne()
        => Assert.True(ThrottleBackoff.Fraction(new Guid(Enumerable.Repeat((byte)0xFF, 16).ToArray())) < 1.0);

    [Theory]
    [InlineData(1, 0x80, 2)]
    [InlineData(2, 0x80, 4)]
    [InlineData(3, 0x80, 8)]
    [InlineData(3, 0x40, 4)]
    [InlineData(10, 0x80, 30)]
    [InlineData(1, 0x00, 0)]
    public void Compute_Attempt_FullJitterUnderDoublingCeiling(int attempt, byte top, int expectedSeconds)
        => Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), ThrottleBackoff.Compute(attempt, Jitter(top), null, Base, Max));

    [Fact]
    public void Compute_RetryAfterAboveJitter_WaitsRetryAfter()
        => Assert.Equal(TimeSpan.FromSeconds(30), ThrottleBackoff.Compute(1, Jitter(0x80), TimeSpan.FromSeconds(30), Base, Max));

    [Fact]
    public void Compute_RetryAfterBelowJitter_WaitsJitter()
        => Assert.Equal(TimeSpan.FromSeconds(2), ThrottleBackoff.Compute(1, Jitter(0x80), TimeSpan.FromSeconds(1), Base, Max));

    [Theory]
    [InlineData(1, 0x00, 0)]
    [InlineData(3, 0x40, 4)]
    public void Compute_NoRetryAfter_BackoffAloneDecides(int attempt, byte top, int expectedSeconds)
        => Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), ThrottleBackoff.Compute(attempt, Jitter(top), retryAfter: null, Base, Max));

    [Fact]
    public void Compute_RetryAfterAboveMax_CappedAtMax()
        => Assert.Equal(Max, ThrottleBackoff.Compute(1, Jitter(0x80), TimeSpan.FromMinutes(10), Base, Max));

    [Fact]
    public void Compute_HugeAttempt_NoOverflow()
        => Assert.Equal(TimeSpan.FromSeconds(30), ThrottleBackoff.Compute(int.MaxValue, Jitter(0x80), null, Base, Max));

    [Fact]
    public void Compute_SameInputs_SameDelay()
    {
        var guid = Guid.Parse("6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b");

        Assert.Equal(
            ThrottleBackoff.Compute(4, guid, null, Base, Max),
            ThrottleBackoff.Compute(4, guid, null, Base, Max));
    }
}
