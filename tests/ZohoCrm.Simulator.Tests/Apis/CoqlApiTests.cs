using System.Net;

namespace ZohoCrm.Simulator.Tests.Apis;

public sealed class CoqlApiTests(SeededSimFixture fixture) : IClassFixture<SeededSimFixture>
{
    private TestSim Sim => fixture.Sim;

    private SimOrg Org => fixture.Org;

    private string Token => fixture.Token;

    [Fact]
    public async Task Query_ExactEmail_MatchesCaseInsensitiveButNotLookAlikes()
    {
        var subject = fixture.Seed.Subject("lookalikes");

        using var response = await Sim.CoqlAsync(Org, Token, "select Last_Name, Email from Contacts where Email = 'LEE.LOOK@EXAMPLE.COM' or Secondary_Email = 'lee.look@example.com'");
        var json = await TestSim.JsonAsync(response);

        Assert.Equal(subject.ExpectedRecordIds["Contacts"], TestSim.Ids(json));
        var row = json.GetProperty("data")[0];
        Assert.Equal(["id", "Last_Name", "Email"], row.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(1, json.GetProperty("info").GetProperty("count").GetInt32());
        Assert.False(json.GetProperty("info").GetProperty("more_records").GetBoolean());
    }

    [Fact]
    public async Task Query_SurroundingSpacesInData_NotAnExactMatch()
    {
        using var response = await Sim.CoqlAsync(Org, Token, "select Email from Contacts where Email = 'olga.case@example.net'");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Query_LikeContainsOnSurroundingSpacesAndOtherCase_Matches()
    {
        var subject = fixture.Seed.Subject("case");

        using var response = await Sim.CoqlAsync(Org, Token, "select Email from Contacts where Email like '%olga.case@example.net%' or Secondary_Email like '%olga.case@example.net%'");

        Assert.Equal(subject.ExpectedRecordIds["Contacts"], TestSim.Ids(await TestSim.JsonAsync(response)));
    }

    [Fact]
    public async Task Query_LookupById_ReturnsChildrenWithIdOnlyLookups()
    {
        var subject = fixture.Seed.Subject("multi-module");
        var contact = subject.ExpectedRecordIds["Contacts"][0];

        using var calls = await Sim.CoqlAsync(Org, Token, $"select Subject, Who_Id from Calls where Who_Id = '{contact}'");
        using var invoices = await Sim.CoqlAsync(Org, Token, $"select Subject from Invoices where Contact_Name = {contact} limit 10");
        var callsJson = await TestSim.JsonAsync(calls);

        Assert.Equal(subject.ExpectedRecordIds["Calls"], TestSim.Ids(callsJson));
        Assert.Equal(contact, callsJson.GetProperty("data")[0].GetProperty("Who_Id").GetProperty("id").GetString());
        Assert.False(callsJson.GetProperty("data")[0].GetProperty("Who_Id").TryGetProperty("name", out _));
        Assert.Equal(subject.ExpectedRecordIds["Invoices"], TestSim.Ids(await TestSim.JsonAsync(invoices)));
    }

    [Fact]
    public async Task Query_IdGreaterThan_ComparesNineteenDigitIdsExactly()
    {
        var pivot = fixture.Seed.Subject("multi-module").ExpectedRecordIds["Contacts"][0];

        using var after = await Sim.CoqlAsync(Org, Token, $"select id from Contacts where id > '{pivot}' order by id asc limit 200");
        using var from = await Sim.CoqlAsync(Org, Token, $"select id from Contacts where id >= '{pivot}' order by id asc limit 1");
        var ids = TestSim.Ids(await TestSim.JsonAsync(after)).Select(long.Parse).ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.True(id > long.Parse(pivot)));
        Assert.Equal([pivot], TestSim.Ids(await TestSim.JsonAsync(from)));
    }

    [Fact]
    public async Task Query_InLikeIsNullAndQuoteEscape_Evaluate()
    {
        using var inQuery = await Sim.CoqlAsync(Org, Token, "select Email from Leads where Email in ('maria.exact@example.com', 'nina.multi@example.com')");
        using var like = await Sim.CoqlAsync(Org, Token, "select Email from Leads where (Email like '%lee.look@example.com%' and Last_Name = 'Decoy')");
        using var quoted = await Sim.CoqlAsync(Org, Token, "select Last_Name from Contacts where Last_Name = 'O''Brien'");
        using var isNull = await Sim.CoqlAsync(Org, Token, "select Email from Cases where (Email is null and Subject like 'Login%') limit 5");

        Assert.Equal(2, TestSim.Ids(await TestSim.JsonAsync(inQuery)).Count);
        var likeEmails = (await TestSim.JsonAsync(like)).GetProperty("data").EnumerateArray().Select(r => r.GetProperty("Email").GetString()!.ToLowerInvariant()).ToList();
        Assert.Contains("lee.look@example.com.evil", likeEmails);
        Assert.Contains("mylee.look@example.com.au", likeEmails);
        Assert.Equal(HttpStatusCode.NoContent, quoted.StatusCode);
        Assert.True(isNull.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent);
    }

    [Theory]
    [InlineData("select Email from Contacts", "SYNTAX_ERROR")]
    [InlineData("select Email from Contacts where Email = 'a@b.com' and Last_Name = 'x' and First_Name = 'y'", "SYNTAX_ERROR")]
    [InlineData("select Email from Contacts where Email = 'unterminated", "SYNTAX_ERROR")]
    [InlineData("select Emial from Contacts where Email = 'a@b.com'", "INVALID_QUERY")]
    [InlineData("select Email from Widgets where Email = 'a@b.com'", "INVALID_QUERY")]
    [InlineData("select Email from Contacts where Email = 'a@b.com' limit 201", "LIMIT_EXCEEDED")]
    [InlineData("select Email from Contacts where Email = 'a@b.com' limit 200 offset 9900", "LIMIT_EXCEEDED")]
    [InlineData("delete from Contacts", "SYNTAX_ERROR")]
    public async Task Query_BadQueryOnV2_ZohoError(string query, string code)
    {
        using var response = await Sim.CoqlAsync(Org, Token, query);

        await TestSim.AssertErrorAsync(response, 400, code);
    }

    [Fact]
    public async Task Query_BracketedInPairs_Accepted()
    {
        using var response = await Sim.CoqlAsync(Org, Token, "select Email from Contacts where ((Email = 'nina.multi@example.com' and Last_Name = 'Multi') and First_Name = 'Nina')");

        Assert.Equal(fixture.Seed.Subject("multi-module").ExpectedRecordIds["Contacts"], TestSim.Ids(await TestSim.JsonAsync(response)));
    }

    [Theory]
    [InlineData(200, 1)]
    [InlineData(1000, 2)]
    [InlineData(2000, 3)]
    public async Task Query_V8Limit_ChargesOneTwoOrThreeCredits(int limit, int credits)
    {
        var org = Sim.Host.AddOrg(new SimOrgSpec { OrgId = "coql-credits-" + limit });
        org.Seed(new SeedSpec { Contacts = 30, Leads = 5, Cases = 5, PlantSubjects = false });
        var token = await Sim.AccessTokenAsync(org);

        using var response = await Sim.CoqlAsync(org, token, $"select Last_Name from Contacts where Last_Name is not null limit {limit}", version: 8);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(30, TestSim.Ids(await TestSim.JsonAsync(response)).Count);
        Assert.Equal(credits, org.Counters.CreditsUsed);
    }

    [Fact]
    public async Task Query_OffsetPaging_MoreRecordsThenRest()
    {
        var expected = fixture.Seed.Subject("over-200").ExpectedRecordIds["Cases"];

        using var first = await Sim.CoqlAsync(Org, Token, "select Email from Cases where Email = 'oscar.many@example.com' limit 200");
        using var second = await Sim.CoqlAsync(Org, Token, "select Email from Cases where Email = 'oscar.many@example.com' limit 200 offset 200");
        var json1 = await TestSim.JsonAsync(first);

        Assert.True(json1.GetProperty("info").GetProperty("more_records").GetBoolean());
        Assert.Equal(expected, TestSim.Ids(json1).Concat(TestSim.Ids(await TestSim.JsonAsync(second))));
    }

    [Fact]
    public async Task Query_MissingSelectQuery_RequiredParamMissing()
    {
        using var response = await Sim.SendAsync(HttpMethod.Post, Sim.Crm(Org, 2, "coql"), Token, "{}");
        using var notJson = await Sim.SendAsync(HttpMethod.Post, Sim.Crm(Org, 2, "coql"), Token, "{nope");

        await TestSim.AssertErrorAsync(response, 400, "REQUIRED_PARAM_MISSING");
        await TestSim.AssertErrorAsync(notJson, 400, "INVALID_DATA");
    }

    [Fact]
    public async Task Query_TasksByWhatIdOfALead_FindsTheLeadLinkedTasks()
    {
        var nina = fixture.Seed.Subject("multi-module");
        var lead = nina.ExpectedRecordIds["Leads"][0];

        using var response = await Sim.CoqlAsync(Org, Token, $"select Subject, What_Id from Tasks where What_Id = '{lead}'");
        var json = await TestSim.JsonAsync(response);

        Assert.Equal(nina.ExpectedLeadActivityIds["Tasks"], TestSim.Ids(json));
        Assert.Equal(lead, json.GetProperty("data")[0].GetProperty("What_Id").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Query_NotesByParentIdAndDealsByContactName_TheSubjectsRecords()
    {
        var nina = fixture.Seed.Subject("multi-module");
        var contact = nina.ExpectedRecordIds["Contacts"][0];

        using var notes = await Sim.CoqlAsync(Org, Token, $"select Note_Title, Parent_Id from Notes where Parent_Id = '{contact}'");
        using var deals = await Sim.CoqlAsync(Org, Token, $"select Deal_Name from Deals where Contact_Name = '{contact}'");

        Assert.Equal(nina.ExpectedNotes.Where(n => n.ParentId == contact).Select(n => n.Id), TestSim.Ids(await TestSim.JsonAsync(notes)));
        Assert.Equal(nina.ExpectedDealIds, TestSim.Ids(await TestSim.JsonAsync(deals)));
    }
}
