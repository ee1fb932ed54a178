namespace ZohoCrm.Client.Tests.Querying;

public sealed class ZohoSearchCriteriaTests
{
    [Fact]
    public void EqualTo_PlainValue_RendersCondition()
    {
        Assert.Equal("(Email:equals:ng@example.com)", ZohoSearchCriteria.EqualTo("Email", "ng@example.com").Text);
    }

    [Fact]
    public void EqualTo_InjectionThroughEmail_IsNeutralisedByEscaping()
    {
        ZohoSearchCriteria criteria = ZohoSearchCriteria.EqualTo("Email", "a)or(Email:starts_with:b");

        // Brackets in the value are escaped, so the value cannot close the condition and open a new one.
        Assert.Equal(@"(Email:equals:a\)or\(Email:starts_with:b)", criteria.Text);
        Assert.Equal(1, criteria.ConditionCount);
    }

    [Theory]
    [InlineData("Burns,B", @"Burns\,B")]
    [InlineData(@"ends\", @"ends\\")]
    [InlineData("(x)", @"\(x\)")]
    [InlineData(@"a\)or(Email:starts_with:x", @"a\\\)or\(Email:starts_with:x")]
    [InlineData(@"mid\dle", @"mid\dle")]
    public void StartsWith_SpecialCharacters_AreEscaped(string value, string escaped)
    {
        Assert.Equal($"(Last_Name:starts_with:{escaped})", ZohoSearchCriteria.StartsWith("Last_Name", value).Text);
    }

    [Fact]
    public void AndOr_Conditions_CombineInBrackets()
    {
        ZohoSearchCriteria a = ZohoSearchCriteria.EqualTo("Email", "a@b.c");
        ZohoSearchCriteria b = ZohoSearchCriteria.StartsWith("Last_Name", "Ng");

        Assert.Equal("((Email:equals:a@b.c)and(Last_Name:starts_with:Ng))", a.And(b).Text);
        Assert.Equal("((Email:equals:a@b.c)or(Last_Name:starts_with:Ng))", a.Or(b).ToString());
    }

    [Fact]
    public void Or_MoreThan10Conditions_Throws()
    {
        ZohoSearchCriteria criteria = ZohoSearchCriteria.EqualTo("Email", "a@b.c");
        for (int i = 0; i < 9; i++)
        {
            criteria = criteria.Or(ZohoSearchCriteria.EqualTo("Email", "a@b.c"));
        }

        Assert.Equal(10, criteria.ConditionCount);
        Assert.Throws<ArgumentException>(() => criteria.Or(ZohoSearchCriteria.EqualTo("Email", "x@y.z")));
    }

    [Fact]
    public void EqualTo_InvalidField_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => ZohoSearchCriteria.EqualTo("Email:equals:x)or(Phone", "a"));
    }
}
