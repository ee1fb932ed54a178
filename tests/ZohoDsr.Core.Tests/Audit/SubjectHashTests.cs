using System.Security.Cryptography;
using System.Text;
using ZohoDsr.Core.Audit;

namespace ZohoDsr.Core.Tests.Audit;

public sealed class SubjectHashTests
{
    private static readonly byte[] Salt = Convert.FromHexString("00112233445566778899aabbccddeeff");

    [Fact]
    public void Compute_Email_IsSha256OfSaltThenNormalizedEmail()
    {
        byte[] expected = SHA256.HashData([.. Salt, .. Encoding.UTF8.GetBytes("jane@example.com")]);

        Assert.Equal(Convert.ToHexString(expected).ToLowerInvariant(), SubjectHash.Compute(Salt, "jane@example.com"));
    }

    [Fact]
    public void Compute_CaseAndSpaces_SameHash()
        => Assert.Equal(SubjectHash.Compute(Salt, "jane@example.com"), SubjectHash.Compute(Salt, "  JANE@Example.COM "));

    [Fact]
    public void Compute_OtherSalt_OtherHash()
        => Assert.NotEqual(SubjectHash.Compute(Salt, "jane@example.com"), SubjectHash.Compute(SubjectHash.NewSalt(), "jane@example.com"));

    [Fact]
    public void Compute_HexSalt_SameAsBytes()
        => Assert.Equal(SubjectHash.Compute(Salt, "jane@example.com"), SubjectHash.Compute("00112233445566778899aabbccddeeff", "jane@example.com"));

    [Fact]
    public void NewSalt_TwoCalls_Differ()
        => Assert.NotEqual(SubjectHash.NewSalt(), SubjectHash.NewSalt());
}
