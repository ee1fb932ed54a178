namespace ZohoDsr.Core.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Build_Compiles_True() => Assert.Equal(4, 2 + 2);
}
