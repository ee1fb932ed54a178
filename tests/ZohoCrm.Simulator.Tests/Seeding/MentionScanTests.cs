using ZohoCrm.Simulator.Seeding;

namespace ZohoCrm.Simulator.Tests.Seeding;

public sealed class MentionScanTests
{
    [Theory]
    [InlineData("Referred by lee.look@example.com.", true)]
    [InlineData("LEE.LOOK@EXAMPLE.COM wrote", true)]
    [InlineData("(lee.look@example.com)", true)]
    [InlineData("lee.look@example.com", true)]
    [InlineData("mail xlee.look@example.com", false)]
    [InlineData("mail lee.look@example.com.evil", false)]
    [InlineData("mail lee.look@example.com.au today", false)]
    [InlineData("mail lee.look+x@example.com", false)]
    [InlineData("mail lee.look@example.comx", false)]
    [InlineData("first xlee.look@example.com then lee.look@example.com", true)]
    public void Mentions_Text_WholeAddressOnly(string text, bool expected) =>
        Assert.Equal(expected, MentionScan.Mentions(text, "lee.look@example.com"));
}
