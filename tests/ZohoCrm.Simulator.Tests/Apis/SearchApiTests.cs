using System.Net;
using System.Text.Json;

namespace ZohoCrm.Simulator.Tests.Apis;

public sealed class SearchApiTests(SeededSimFixture fixture) : IClassFixture<SeededSimFixture>
{
    private TestSim Sim => fixture.Sim;

    private SimOrg Org => fixture.Org;

    private string Token => fixture.Token;

    private static List<string> Emails(JsonElement json) =>
        [.. json.GetProperty("data").EnumerateArray().SelectMany(r => new[] { r.GetProperty("Email").GetString(), r.GetProperty("Secondary_Email").GetString() })
            .OfType<string>()];

    [Fact]
    public async Task Email_BehavesLikeContainsOverEveryEmailField()
    {
        var subject = fixture.Seed.Subject("lookalikes");

        using var response = await Sim.GetAsync(Org, Token, "Contacts/search?email=" + Uri.EscapeDataString("LEE.LOOK@example.com"));
        var json = await TestSim.JsonAsync(response);

        var emails = Emails(json);
        Assert.Contains("lee.look@example.com", emails);
        Assert.Contains("xlee.look@example.com", emails); // a Secondary_Email, and only a "contains" match
        Assert.DoesNotContain("lee.look+x@example.com", emails);
        Assert.True(TestSim.Ids(json).Count > subject.ExpectedRecordIds["Contacts"].Count);
    }

    [Fact]
    public async Task Email_FindsOtherCaseAndSurroundingSpaces()
    {
        var subject = fixture.Seed.Subject("case");

        using var response = await Sim.GetAsync(Org, Token, "Leads/search?email=olga.case@example.net");
        using var contacts = await Sim.GetAsync(Org, Token, "Contacts/search?email=olga.case@example.net");

        Assert.Equal(subject.ExpectedRecordIds["Leads"], TestSim.Ids(await TestSim.JsonAsync(response)));
        Assert.Equal(subject.ExpectedRecordIds["Contacts"], TestSim.Ids(await TestSim.JsonAsync(contacts)));
    }

    [Fact]
    public async Task Email_OverTwoHundredMatches_PagesAndInfo()
    {
        var expected = fixture.Seed.Subject("over-200").ExpectedRecordIds["Cases"];

        using var page1 = await Sim.GetAsync(Org, Token, "Cases/search?email=oscar.many@example.com");
        using var page2 = await Sim.GetAsync(Org, Token, "Cases/search?email=oscar.many@example.com&page=2");
        var json1 = await TestSim.JsonAsync(page1);
        var json2 = await TestSim.JsonAsync(page2);

        Assert.True(json1.GetProperty("info").GetProperty("more_records").GetBoolean());
        Assert.False(json2.GetProperty("info").GetProperty("more_records").GetBoolean());
        Assert.Equal(expected.Order(), TestSim.Ids(json1).Concat(TestSim.Ids(json2)).Order());
    }

    [Fact]
    public async Task Email_PastTwoThousandResults_LimitReached()
    {
        using var page10 = await Sim.GetAsync(Org, Token, "Cases/search?email=petra.huge@example.com&page=10");
        using var page11 = await Sim.GetAsync(Org, Token, "Cases/search?email=petra.huge@example.com&page=11");

        Assert.True((await TestSim.JsonAsync(page10)).GetProperty("info").GetProperty("more_records").GetBoolean());
        var json = await TestSim.AssertErrorAsync(page11, 400, "LIMIT_REACHED");
        Assert.Equal("Maximum response iteration limit reached", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Email_NoMatch_NoContent()
    {
        using var response = await Sim.GetAsync(Org, Token, "Contacts/search?email=nobody.at.all@example.com");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Criteria_EqualsIsContainsAndStartsWith()
    {
        using var equals = await Sim.GetAsync(Org, Token, "Contacts/search?criteria=" + Uri.EscapeDataString("(Last_Name:equals:ulti)"));
        using var starts = await Sim.GetAsync(Org, Token, "Contacts/search?criteria=" + Uri.EscapeDataString("((Last_Name:starts_with:Mul)and(First_Name:equals:nina))"));

        Assert.Contains(fixture.Seed.Subject("multi-module").ExpectedRecordIds["Contacts"][0], TestSim.Ids(await TestSim.JsonAsync(equals)));
        Assert.Equal(fixture.Seed.Subject("multi-module").ExpectedRecordIds["Contacts"], TestSim.Ids(await TestSim.JsonAsync(starts)));
    }

    [Fact]
    public async Task Criteria_LookupById_UsesContactLink()
    {
        var subject = fixture.Seed.Subject("multi-module");
        var contact = subject.ExpectedRecordIds["Contacts"][0];

        using var response = await Sim.GetAsync(Org, Token, $"Calls/search?criteria=(Who_Id:equals:{contact})");

        Assert.Equal(subject.ExpectedRecordIds["Calls"].Order(), TestSim.Ids(await TestSim.JsonAsync(response)).Order());
    }

    [Theory]
    [InlineData("(Email:equals:x)", "INVALID_DATA")]
    [InlineData("(Email:equals:abc", "INVALID_QUERY")]
    [InlineData("Email:equals:abc", "INVALID_QUERY")]
    [InlineData("(Nope:equals:abc)", "INVALID_QUERY")]
    [InlineData("(Email:contains:abc)", "INVALID_QUERY")]
    [InlineData("(Email:equals:a(b)", "INVALID_QUERY")]
    public async Task Criteria_Malformed_ZohoError(string criteria, string code)
    {
        using var response = await Sim.GetAsync(Org, Token, "Contacts/search?criteria=" + Uri.EscapeDataString(criteria));

        await TestSim.AssertErrorAsync(response, 400, code);
    }

    [Fact]
    public async Task Criteria_MoreThanTenConditions_InvalidQuery()
    {
        var criteria = "(Last_Name:equals:aa)";
        for (var i = 0; i < 10; i++)
        {
            criteria = $"({criteria}or(Last_Name:equals:b{i}))";
        }

        using var response = await Sim.GetAsync(Org, Token, "Contacts/search?criteria=" + Uri.EscapeDataString(criteria));

        await TestSim.AssertErrorAsync(response, 400, "INVALID_QUERY");
    }

    [Fact]
    public async Task NoSearchParameter_ExpectedParamMissing()
    {
        using var response = await Sim.GetAsync(Org, Token, "Contacts/search?page=1");

        await TestSim.AssertErrorAsync(response, 400, "EXPECTED_PARAM_MISSING");
    }

    [Fact]
    public async Task CallsSearch_WithoutEmailFields_NoContent()
    {
        using var response = await Sim.GetAsync(Org, Token, "Calls/search?email=nina.multi@example.com");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
