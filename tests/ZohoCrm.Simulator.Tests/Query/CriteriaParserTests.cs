using ZohoCrm.Simulator.Model;
using ZohoCrm.Simulator.Query;

namespace ZohoCrm.Simulator.Tests.Query;

public sealed class CriteriaParserTests
{
    private static readonly ModuleSchema Contacts = Schemas.ByName["Contacts"];

    [Fact]
    public void Parse_EscapedBracketsCommaAndTrailingBackslash_LiteralValue()
    {
        var node = CriteriaParser.Parse(@"(Last_Name:equals:Burns\,B \(Jr\)\\)", Contacts, 2);

        Assert.True(node.IsLeaf);
        Assert.Equal(@"Burns,B (Jr)\", node.Values.Single());
    }

    [Fact]
    public void Parse_NestedAndOr_Tree()
    {
        var node = CriteriaParser.Parse("((Last_Name:equals:Hawkins) or (Last_Name:starts_with:Pat))", Contacts, 2);

        Assert.Equal("or", node.Combinator);
        Assert.Equal("starts_with", node.Right!.Operator);
        Assert.Equal(2, node.ConditionCount);
    }

    [Theory]
    [InlineData("(Last_Name:in:a,b)", 2)]
    [InlineData("(Last_Name:not_equal:ab)", 2)]
    public void Parse_V4OperatorOnV2_Rejected(string criteria, int version) =>
        Assert.Equal("INVALID_QUERY", Assert.Throws<QueryException>(() => CriteriaParser.Parse(criteria, Contacts, version)).Code);

    [Fact]
    public void Parse_InOnV8_SplitsUnescapedCommas()
    {
        var node = CriteriaParser.Parse(@"(Last_Name:in:Ab,C\,d)", Contacts, 8);

        Assert.Equal(["Ab", "C,d"], node.Values);
    }
}
