using ZohoDsr.Benchmarks.Harness;

namespace ZohoDsr.Benchmarks.Tests.Harness;

public sealed class SubjectShapeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(50)]
    [InlineData(2_500)]
    public void ForTotal_KnownSize_HasThatManyRecords(int total) => Assert.Equal(total, SubjectShape.ForTotal(total).Total);

    [Fact]
    public void ForTotal_UnknownSize_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => SubjectShape.ForTotal(7));
}
