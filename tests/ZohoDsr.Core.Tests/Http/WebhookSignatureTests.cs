using System.Security.Cryptography;
using System.Text;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Core.Tests.Http;

public sealed class WebhookSignatureTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("s3cret-key");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"requestId\":\"r-1\"}");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly long Timestamp = Now.ToUnixTimeSeconds();

    [Fact]
    public void Sign_Body_IsHmacSha256OfTimestampDotBody()
    {
        byte[] expected = HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes($"{Timestamp}.{{\"requestId\":\"r-1\"}}"));

        string header = WebhookSignature.Sign(Secret, Timestamp, Body);

        Assert.Equal("sha256=" + Convert.ToHexString(expected).ToLowerInvariant(), header);
    }

    [Fact]
    public void Verify_SignedBody_Valid()
    {
        string header = WebhookSignature.Sign(Secret, Timestamp, Body);

        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignature.Verify(Secret, Timestamp.ToString(), header, Body, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verify_UppercaseHex_Valid()
    {
        string header = WebhookSignature.Sign(Secret, Timestamp, Body);
        string upper = "sha256=" + header["sha256=".Length..].ToUpperInvariant();

        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignature.Verify(Secret, Timestamp.ToString(), upper, Body, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verify_BodyChanged_Mismatch()
    {
        string header = WebhookSignature.Sign(Secret, Timestamp, Body);
        byte[] tampered = Encoding.UTF8.GetBytes("{\"requestId\":\"r-2\"}");

        Assert.Equal(WebhookSignatureResult.Mismatch, WebhookSignature.Verify(Secret, Timestamp.ToString(), header, tampered, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verify_OtherSecret_Mismatch()
    {
        string header = WebhookSignature.Sign(Encoding.UTF8.GetBytes("other"), Timestamp, Body);

        Assert.Equal(WebhookSignatureResult.Mismatch, WebhookSignature.Verify(Secret, Timestamp.ToString(), header, Body, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verify_TimestampChangedAfterSigning_Mismatch()
    {
        string header = WebhookSignature.Sign(Secret, Timestamp, Body);

        Assert.Equal(WebhookSignatureResult.Mismatch, WebhookSignature.Verify(Secret, (Timestamp + 1).ToString(), header, Body, Now, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Verify_OutsideTolerance_Stale(int offsetSeconds)
    {
        long signedAt = Timestamp + offsetSeconds;
        string header = WebhookSignature.Sign(Secret, signedAt, Body);

        Assert.Equal(WebhookSignatureResult.Stale, WebhookSignature.Verify(Secret, signedAt.ToString(), header, Body, Now, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(-299)]
    [InlineData(299)]
    public void Verify_WithinTolerance_Valid(int offsetSeconds)
    {
        long signedAt = Timestamp + offsetSeconds;
        string header = WebhookSignature.Sign(Secret, signedAt, Body);

        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignature.Verify(Secret, signedAt.ToString(), header, Body, Now, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(null, "sha256=00")]
    [InlineData("1700000000", null)]
    [InlineData("", "")]
    public void Verify_MissingHeader_MissingHeaders(string? timestamp, string? signature)
        => Assert.Equal(WebhookSignatureResult.MissingHeaders, WebhookSignature.Verify(Secret, timestamp, signature, Body, Now, TimeSpan.FromMinutes(5)));

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public void Verify_BadTimestamp_Malformed(string timestamp)
    {
        string header = WebhookSignature.Sign(Secret, Timestamp, Body);

        Assert.Equal(WebhookSignatureResult.Malformed, WebhookSignature.Verify(Secret, timestamp, header, Body, Now, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("sha1=0123")]
    [InlineData("sha256=xyz")]
    [InlineData("sha256=0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Verify_BadSignatureFormat_Malformed(string signature)
        => Assert.Equal(WebhookSignatureResult.Malformed, WebhookSignature.Verify(Secret, Timestamp.ToString(), signature, Body, Now, TimeSpan.FromMinutes(5)));

    [Fact]
    public void Sign_EmptySecret_Throws()
        => Assert.Throws<ArgumentException>(() => WebhookSignature.Sign([], Timestamp, Body));
}
