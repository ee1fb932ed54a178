using System.Security.Cryptography;
using System.Text;
using ZohoDsr.Core.Audit;

namespace ZohoDsr.Core.Tests.Audit;

public sealed class SubjectHashTests
{
    private static readonly byte[] Key = Convert.FromBase64String("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    private static readonly byte[] OtherKey = Convert.FromBase64String("ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=");

    [Fact]
    public void Compute_Email_IsHmacSha256OfOrgRequestAndNormalizedEmail()
    {
        byte[] expected = HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes("org1\nr-1\njane@example.com"));

        Assert.Equal(Convert.ToHexStringLower(expected), SubjectHash.Compute(Key, "org1", "r-1", "jane@example.com"));
    }

    [Fact]
    public void Compute_SameEmailOtherKey_OtherHash()
        => Assert.NotEqual(SubjectHash.Compute(Key, "org1", "r-1", "jane@example.com"), SubjectHash.Compute(OtherKey, "org1", "r-1", "jane@example.com"));

    [Fact]
    public void Compute_SameEmailOtherRequest_OtherHash()
        => Assert.NotEqual(SubjectHash.Compute(Key, "org1", "r-1", "jane@example.com"), SubjectHash.Compute(Key, "org1", "r-2", "jane@example.com"));

    [Fact]
    public void Compute_CaseAndSpaces_SameHash()
        => Assert.Equal(SubjectHash.Compute(Key, "org1", "r-1", "jane@example.com"), SubjectHash.Compute(Key, "org1", "r-1", "  JANE@Example.COM "));

    [Fact]
    public void Compute_WithoutTheKey_NotTheUnkeyedHashAnyoneCouldComputeFromTheEmail()
    {
        string hash = SubjectHash.Compute(Key, "org1", "r-1", "jane@example.com");

        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("org1\nr-1\njane@example.com"))), hash);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("jane@example.com"))), hash);
    }
}
