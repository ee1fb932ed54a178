namespace ZohoCrm.Client.Tests.Querying;

public sealed class CoqlQueryTests
{
    [Fact]
    public void ToString_Query_RendersSelectFromWhere()
    {
        var query = new CoqlQuery("Contacts", ["Last_Name", "Email"], CoqlCondition.Equal("Email", "a@b.c"));

        Assert.Equal("select Last_Name, Email from Contacts where Email = 'a@b.c'", query.ToString());
    }

    [Fact]
    public void Ctor_InvalidModule_ThrowsNamingModule()
    {
        ArgumentException error = Assert.ThrowsAny<ArgumentException>(() => new CoqlQuery("Contacts where 1=1", ["Email"], CoqlCondition.IsNotNull("Email")));
        Assert.Equal("Module", error.ParamName);
    }

    [Fact]
    public void Ctor_NoFieldsOrTooMany_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CoqlQuery("Contacts", [], CoqlCondition.IsNotNull("Email")));
        Assert.Throws<ArgumentException>(() => new CoqlQuery("Contacts", [.. Enumerable.Range(0, 51).Select(i => "F" + i)], CoqlCondition.IsNotNull("Email")));
        Assert.ThrowsAny<ArgumentException>(() => new CoqlQuery("Contacts", ["Email, (select"], CoqlCondition.IsNotNull("Email")));
    }
}
