using System.Net;
using System.Text.Json;

namespace ZohoCrm.Simulator.Tests.Apis;

public sealed class RecordsApiTests(SeededSimFixture fixture) : IClassFixture<SeededSimFixture>
{
    private TestSim Sim => fixture.Sim;

    private SimOrg Org => fixture.Org;

    private string Token => fixture.Token;

    [Fact]
    public async Task List_V2_ReturnsDataAndInfoInZohoShape()
    {
        using var response = await Sim.GetAsync(Org, Token, "Contacts?per_page=3");
        var json = await TestSim.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=UTF-8", response.Content.Headers.ContentType!.ToString().Replace(";charset", "; charset", StringComparison.Ordinal));
        var record = json.GetProperty("data")[0];
        Assert.Matches("^[0-9]{19}$", record.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.String, record.GetProperty("Last_Name").ValueKind);
        Assert.Equal(JsonValueKind.Object, record.GetProperty("Owner").ValueKind);
        Assert.Matches("^[0-9]{19}$", record.GetProperty("Owner").GetProperty("id").GetString());
        Assert.False(record.GetProperty("Owner").TryGetProperty("email", out _));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", record.GetProperty("Created_Time").GetString());
        Assert.True(record.TryGetProperty("$stop_processing", out _));
        Assert.True(record.TryGetProperty("Data_Processing_Basis_Details", out _));
        Assert.True(record.TryGetProperty("Secondary_Email", out _));
        var info = json.GetProperty("info");
        Assert.Equal(3, info.GetProperty("per_page").GetInt32());
        Assert.Equal(3, info.GetProperty("count").GetInt32());
        Assert.Equal(1, info.GetProperty("page").GetInt32());
        Assert.True(info.GetProperty("more_records").GetBoolean());
    }

    [Fact]
    public async Task List_V8WithoutFields_RequiredParamMissing()
    {
        using var response = await Sim.GetAsync(Org, Token, "Contacts", version: 8);

        var json = await TestSim.AssertErrorAsync(response, 400, "REQUIRED_PARAM_MISSING");
        Assert.Equal("fields", json.GetProperty("details").GetProperty("param_name").GetString());
    }

    [Fact]
    public async Task List_V8WithFields_OnlyThoseFieldsAndV3Info()
    {
        using var response = await Sim.GetAsync(Org, Token, "Contacts?fields=Email,Last_Name,Owner&per_page=2", version: 8);
        var json = await TestSim.JsonAsync(response);

        var record = json.GetProperty("data")[0];
        Assert.Equal(["id", "Email", "Last_Name", "Owner"], record.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(JsonValueKind.String, record.GetProperty("Owner").GetProperty("email").ValueKind);
        var info = json.GetProperty("info");
        Assert.Equal(JsonValueKind.String, info.GetProperty("next_page_token").ValueKind);
        Assert.Equal("id", info.GetProperty("sort_by").GetString());
        Assert.Equal("desc", info.GetProperty("sort_order").GetString());
        Assert.True(info.TryGetProperty("page_token_expiry", out _));
        Assert.True(info.TryGetProperty("previous_page_token", out _));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(2)]
    public async Task List_PastTwoThousand_PageRefusedThenPageTokenReachesEveryRecord(int version)
    {
        using var refused = await Sim.GetAsync(Org, Token, "Contacts?fields=Email&page=11&per_page=200", version);
        await TestSim.AssertErrorAsync(refused, 400, "DISCRETE_PAGINATION_LIMIT_EXCEEDED");

        var ids = new List<string>();
        string? token = null;
        for (var page = 1; ; page++)
        {
            var query = page <= 10 ? $"Contacts?fields=Email&page={page}&per_page=200" : $"Contacts?fields=Email&per_page=200&page_token={token}";
            using var response = await Sim.GetAsync(Org, Token, query, version);
            var json = await TestSim.JsonAsync(response);
            ids.AddRange(TestSim.Ids(json));
            var info = json.GetProperty("info");
            if (!info.GetProperty("more_records").GetBoolean())
            {
                break;
            }

            token = info.GetProperty("next_page_token").GetString();
        }

        Assert.Equal(Org.Count("Contacts"), ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count > 2_000);
    }

    [Fact]
    public async Task List_PageTokenWithOtherFields_TokenBoundDataMismatch()
    {
        using var first = await Sim.GetAsync(Org, Token, "Contacts?fields=Email&per_page=5", 8);
        var token = (await TestSim.JsonAsync(first)).GetProperty("info").GetProperty("next_page_token").GetString();

        using var other = await Sim.GetAsync(Org, Token, $"Contacts?fields=Last_Name&per_page=5&page_token={token}", 8);
        using var both = await Sim.GetAsync(Org, Token, $"Contacts?fields=Email&page=2&page_token={token}", 8);

        await TestSim.AssertErrorAsync(other, 400, "TOKEN_BOUND_DATA_MISMATCH");
        await TestSim.AssertErrorAsync(both, 400, "AMBIGUITY_DURING_PROCESSING");
    }

    [Theory]
    [InlineData("Contacts?per_page=201", "INVALID_DATA")]
    [InlineData("contacts", "INVALID_MODULE")]
    [InlineData("Widgets", "INVALID_MODULE")]
    public async Task List_BadInput_ZohoError(string relative, string code)
    {
        using var response = await Sim.GetAsync(Org, Token, relative);

        await TestSim.AssertErrorAsync(response, 400, code);
    }

    [Fact]
    public async Task List_MoreThanFiftyFields_LimitExceeded()
    {
        var fields = string.Join(',', Enumerable.Repeat("Email", 51));

        using var response = await Sim.GetAsync(Org, Token, "Contacts?fields=" + fields);

        await TestSim.AssertErrorAsync(response, 400, "LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task Get_ById_WrappedInDataArray()
    {
        var id = fixture.Seed.Subject("exact").ExpectedRecordIds["Contacts"][0];

        using var response = await Sim.GetAsync(Org, Token, "Contacts/" + id);
        var json = await TestSim.JsonAsync(response);

        var data = json.GetProperty("data");
        Assert.Equal(1, data.GetArrayLength());
        Assert.Equal(id, data[0].GetProperty("id").GetString());
        Assert.Equal("maria.exact@example.com", data[0].GetProperty("Email").GetString());
        Assert.False(json.TryGetProperty("info", out _));
    }

    [Theory]
    [InlineData("Contacts/1234567890123456789")]
    [InlineData("Contacts/not-an-id")]
    public async Task Get_UnknownId_InvalidData(string relative)
    {
        using var response = await Sim.GetAsync(Org, Token, relative);

        await TestSim.AssertErrorAsync(response, 400, "INVALID_DATA");
    }

    [Fact]
    public async Task Related_QuotesOfContact_MatchContactNameLookup()
    {
        var subject = fixture.Seed.Subject("multi-module");
        var contact = subject.ExpectedRecordIds["Contacts"][0];

        using var response = await Sim.GetAsync(Org, Token, $"Contacts/{contact}/Quotes?fields=Subject,Contact_Name", 8);
        var json = await TestSim.JsonAsync(response);

        Assert.Equal(subject.ExpectedRecordIds["Quotes"].Order(), TestSim.Ids(json).Order());
        Assert.All(json.GetProperty("data").EnumerateArray(), r => Assert.Equal(contact, r.GetProperty("Contact_Name").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Related_OpenAndClosedActivities_CoverEveryActivityWithModuleKeys()
    {
        var subject = fixture.Seed.Subject("multi-module");
        var contact = subject.ExpectedRecordIds["Contacts"][0];
        var expected = subject.ExpectedRecordIds["Calls"].Concat(subject.ExpectedRecordIds["Tasks"]).Concat(subject.ExpectedRecordIds["Events"]).Order().ToList();

        var found = new List<string>();
        foreach (var list in new[] { "Activities", "Activities_History" })
        {
            using var response = await Sim.GetAsync(Org, Token, $"Contacts/{contact}/{list}");
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                continue;
            }

            var json = await TestSim.JsonAsync(response);
            foreach (var row in json.GetProperty("data").EnumerateArray())
            {
                Assert.Contains(row.GetProperty("$module").GetString(), new[] { "Calls", "Tasks", "Events" });
                Assert.Equal(row.GetProperty("$module").GetString(), row.GetProperty("Activity_Type").GetString());
                Assert.Equal(contact, row.GetProperty("Who_Id").GetProperty("id").GetString());
                found.Add(row.GetProperty("id").GetString()!);
            }
        }

        Assert.Equal(expected, found.Order().ToList());
    }

    [Theory]
    [InlineData("Calls")]
    [InlineData("Sales_Orders")]
    [InlineData("Social")]
    public async Task Related_UnknownRelationName_InvalidData(string relation)
    {
        var contact = fixture.Seed.Subject("exact").ExpectedRecordIds["Contacts"][0];

        using var response = await Sim.GetAsync(Org, Token, $"Contacts/{contact}/{relation}");

        var json = await TestSim.AssertErrorAsync(response, 400, "INVALID_DATA");
        Assert.Equal("The relation name given seems to be invalid", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Related_V8WithoutFields_RequiredParamMissing()
    {
        var contact = fixture.Seed.Subject("exact").ExpectedRecordIds["Contacts"][0];

        using var response = await Sim.GetAsync(Org, Token, $"Contacts/{contact}/Invoices", 8);

        await TestSim.AssertErrorAsync(response, 400, "REQUIRED_PARAM_MISSING");
    }

    [Fact]
    public async Task Related_EmptyList_NoContent()
    {
        var contact = fixture.Seed.Subject("exact").ExpectedRecordIds["Contacts"][0];

        using var response = await Sim.GetAsync(Org, Token, $"Contacts/{contact}/Attachments");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Activities_List_RowsCarryModule()
    {
        using var response = await Sim.GetAsync(Org, Token, "Activities?per_page=20");
        var json = await TestSim.JsonAsync(response);

        Assert.Equal(20, json.GetProperty("data").GetArrayLength());
        Assert.All(json.GetProperty("data").EnumerateArray(), r => Assert.Contains(r.GetProperty("$module").GetString(), new[] { "Calls", "Tasks", "Events" }));
    }

    [Fact]
    public async Task UnknownPath_InvalidUrlPattern()
    {
        using var response = await Sim.SendAsync(HttpMethod.Get, new Uri(Sim.Host.BaseUri, "api/eu/crm/v9/Contacts"), Token, null);
        using var other = await Sim.SendAsync(HttpMethod.Get, new Uri(Sim.Host.BaseUri, "nothing/here"), Token, null);

        await TestSim.AssertErrorAsync(response, 404, "INVALID_URL_PATTERN");
        await TestSim.AssertErrorAsync(other, 404, "INVALID_URL_PATTERN");
    }
}
