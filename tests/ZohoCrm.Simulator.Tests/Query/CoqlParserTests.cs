using ZohoCrm.Simulator.Query;

namespace ZohoCrm.Simulator.Tests.Query;

public sealed class CoqlParserTests
{
    [Fact]
    public void Parse_FullQuery_AllClauses()
    {
        var q = CoqlParser.Parse("SELECT Last_Name, Email FROM Contacts WHERE (Email = 'o''neil@example.com' or Account_Name.id = '1') ORDER BY Created_Time desc LIMIT 10, 50;", 2_000, 10_000);

        Assert.Equal(["Last_Name", "Email"], q.Select);
        Assert.Equal("Contacts", q.From.ApiName);
        Assert.Equal("o'neil@example.com", q.Where.Left!.Values[0]);
        Assert.True(q.OrderBy[0].Descending);
        Assert.Equal(10, q.Offset);
        Assert.Equal(50, q.Limit);
    }

    [Theory]
    [InlineData("select Email from Contacts where Email is not null and Last_Name not like '%x%'", "not like")]
    [InlineData("select Email from Contacts where Email not in ('a@b.c', 'd@e.f')", "not in")]
    [InlineData("select Email from Contacts where Created_Time between '2024-01-01T00:00:00+00:00' and '2025-01-01T00:00:00+00:00'", "between")]
    public void Parse_Operators_Recognised(string query, string op)
    {
        var q = CoqlParser.Parse(query, 200, 10_000);

        Assert.Contains(q.Where.Leaves(), l => l.Operator == op);
    }

    [Fact]
    public void Parse_TooManyInValues_LimitExceeded()
    {
        var values = string.Join(", ", Enumerable.Range(0, 51).Select(i => $"'v{i}'"));

        var ex = Assert.Throws<QueryException>(() => CoqlParser.Parse($"select Email from Contacts where Email in ({values})", 200, 10_000));

        Assert.Equal("LIMIT_EXCEEDED", ex.Code);
    }
}
