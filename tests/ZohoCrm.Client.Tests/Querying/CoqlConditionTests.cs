namespace ZohoCrm.Client.Tests.Querying;

public sealed class CoqlConditionTests
{
    [Fact]
    public void Equal_PlainValue_QuotesValue()
    {
        Assert.Equal("Email = 'ng@example.com'", CoqlCondition.Equal("Email", "ng@example.com").ToString());
    }

    [Fact]
    public void Equal_InjectionThroughEmail_IsNeutralisedByDoubledQuotes()
    {
        CoqlCondition condition = CoqlCondition.Equal("Email", "x' or Email != 'y");

        // The whole input stays one literal: every quote inside it is doubled, so it cannot close the string.
        Assert.Equal("Email = 'x'' or Email != ''y'", condition.ToString());
        Assert.Equal(1, condition.ConditionCount);
    }

    [Theory]
    [InlineData("Email or 1")]
    [InlineData("Email'")]
    [InlineData("1Email")]
    [InlineData("")]
    [InlineData("Email;drop")]
    public void Equal_InvalidFieldName_ThrowsArgumentExceptionNamingField(string field)
    {
        ArgumentException error = Assert.ThrowsAny<ArgumentException>(() => CoqlCondition.Equal(field, "a"));
        Assert.Equal("field", error.ParamName);
    }

    [Fact]
    public void Contains_Email_WrapsValueInPercentSignsInsideOneQuotedLiteral()
    {
        CoqlCondition condition = CoqlCondition.Contains("Email", "o'neil@example.com");

        Assert.Equal("Email like '%o''neil@example.com%'", condition.ToString());
        Assert.Equal(1, condition.ConditionCount);
    }

    [Fact]
    public void Contains_WildcardCharactersInValue_KeptAsGiven()
    {
        // No escape is documented for like: % and _ stay, so the condition can only match more rows, never fewer.
        Assert.Equal("Email like '%a_b%c@example.com%'", CoqlCondition.Contains("Email", "a_b%c@example.com").ToString());
    }

    [Fact]
    public void Contains_EmptyValueOrBadField_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => CoqlCondition.Contains("Email", string.Empty));
        Assert.Equal("field", Assert.ThrowsAny<ArgumentException>(() => CoqlCondition.Contains("Email or 1", "a")).ParamName);
    }

    [Fact]
    public void In_SeveralValues_QuotesEach()
    {
        Assert.Equal("Who_Id in ('1', '2', 'o''k')", CoqlCondition.In("Who_Id", ["1", "2", "o'k"]).ToString());
    }

    [Fact]
    public void In_MoreThan50Values_Throws()
    {
        Assert.Throws<ArgumentException>(() => CoqlCondition.In("Who_Id", Enumerable.Range(0, 51).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Throws<ArgumentException>(() => CoqlCondition.In("Who_Id", []));
    }

    [Fact]
    public void IsNotNull_Field_RendersClause()
    {
        Assert.Equal("Email is not null", CoqlCondition.IsNotNull("Email").ToString());
    }

    [Fact]
    public void AndOr_ThreeConditions_BracketsInPairs()
    {
        CoqlCondition a = CoqlCondition.Equal("Email", "a@b.c");
        CoqlCondition b = CoqlCondition.Equal("Secondary_Email", "a@b.c");
        CoqlCondition c = CoqlCondition.IsNotNull("Last_Name");

        Assert.Equal("Email = 'a@b.c' or Secondary_Email = 'a@b.c'", CoqlCondition.Or(a, b).ToString());
        Assert.Equal("(Email = 'a@b.c' or Secondary_Email = 'a@b.c') and Last_Name is not null", CoqlCondition.And(CoqlCondition.Or(a, b), c).ToString());
    }

    [Fact]
    public void AnyOf_ThreeConditions_FoldsWithBrackets()
    {
        CoqlCondition any = CoqlCondition.AnyOf([CoqlCondition.Equal("A", "1"), CoqlCondition.Equal("B", "2"), CoqlCondition.Equal("C", "3")]);

        Assert.Equal("(A = '1' or B = '2') or C = '3'", any.ToString());
        Assert.Equal(3, any.ConditionCount);
        Assert.Throws<ArgumentException>(() => CoqlCondition.AnyOf([]));
    }

    [Fact]
    public void AnyOf_MoreThan25Conditions_Throws()
    {
        IEnumerable<CoqlCondition> many = Enumerable.Range(0, 26).Select(_ => CoqlCondition.IsNotNull("Email"));
        Assert.Throws<ArgumentException>(() => CoqlCondition.AnyOf(many));
    }
}
