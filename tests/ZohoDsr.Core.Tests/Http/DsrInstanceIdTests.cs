using System.Security.Cryptography;
using System.Text;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Core.Tests.Http;

public sealed class DsrInstanceIdTests
{
    [Fact]
    public void For_SameInputs_SameId()
        => Assert.Equal(DsrInstanceId.For("org1", "req-1"), DsrInstanceId.For("org1", "req-1"));

    [Fact]
    public void For_Inputs_IsPrefixAndFirst32HexOfSha256()
    {
        string hex = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("org1\nreq-1"))).ToLowerInvariant();

        Assert.Equal("dsr-" + hex[..32], DsrInstanceId.For("org1", "req-1"));
    }

    [Theory]
    [InlineData("org1", "req-1", "org2", "req-1")]
    [InlineData("org1", "req-1", "org1", "req-2")]
    [InlineData("ab", "c", "a", "bc")]
    public void For_DifferentInputs_DifferentIds(string org1, string req1, string org2, string req2)
        => Assert.NotEqual(DsrInstanceId.For(org1, req1), DsrInstanceId.For(org2, req2));
}
