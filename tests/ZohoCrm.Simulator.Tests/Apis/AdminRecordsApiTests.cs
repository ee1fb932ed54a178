using System.Net;
using System.Text;
using System.Text.Json;

namespace ZohoCrm.Simulator.Tests.Apis;

public sealed class AdminRecordsApiTests : IAsyncLifetime
{
    private TestSim _sim = null!;
    private SimOrg _org = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _sim = await TestSim.StartAsync();
        _org = _sim.Host.AddOrg(new SimOrgSpec { OrgId = "plant" });
        _token = await _sim.AccessTokenAsync(_org);
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Json)> PlantAsync(string module, string body)
    {
        using var response = await _sim.AdminPostAsync($"orgs/plant/records/{module}", body);
        return (response.StatusCode, await TestSim.JsonAsync(response));
    }

    private async Task<string> PlantOneAsync(string module, object record)
    {
        var (status, json) = await PlantAsync(module, JsonSerializer.Serialize(new { data = new[] { record } }));
        Assert.True(status == HttpStatusCode.Created, json.ToString());
        return json.GetProperty("data")[0].GetProperty("details").GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Plant_ContactsThenNote_ZohoInsertAnswerAndServedByTheApi()
    {
        var (status, json) = await PlantAsync("Contacts", """
            {"data":[{"First_Name":"Ada","Last_Name":"Planted","Email":"ada.planted@example.com","Date_of_Birth":"1990-04-01"},
                     {"Last_Name":"Second","Secondary_Email":"second@example.org","Email_Opt_Out":true}]}
            """);

        Assert.Equal(HttpStatusCode.Created, status);
        var items = json.GetProperty("data").EnumerateArray().ToList();
        Assert.All(items, i =>
        {
            Assert.Equal(("SUCCESS", "record added", "success"), (i.GetProperty("code").GetString(), i.GetProperty("message").GetString(), i.GetProperty("status").GetString()));
            Assert.Matches("^[0-9]{19}$", i.GetProperty("details").GetProperty("id").GetString());
            Assert.Equal(JsonValueKind.Object, i.GetProperty("details").GetProperty("Created_By").ValueKind);
            Assert.Equal(JsonValueKind.String, i.GetProperty("details").GetProperty("Created_Time").ValueKind);
        });
        var ada = items[0].GetProperty("details").GetProperty("id").GetString()!;
        using var get = await _sim.GetAsync(_org, _token, "Contacts/" + ada);
        var record = (await TestSim.JsonAsync(get)).GetProperty("data")[0];
        Assert.Equal(("Ada Planted", "ada.planted@example.com"), (record.GetProperty("Full_Name").GetString(), record.GetProperty("Email").GetString()));

        var note = await PlantOneAsync("Notes", new Dictionary<string, object> { ["Note_Title"] = "Hi", ["Note_Content"] = "Planted note", ["Parent_Id"] = new { id = ada } });
        using var notes = await _sim.GetAsync(_org, _token, $"Contacts/{ada}/Notes");
        var row = (await TestSim.JsonAsync(notes)).GetProperty("data")[0];
        Assert.Equal(note, row.GetProperty("id").GetString());
        Assert.Equal("Contacts", row.GetProperty("$se_module").GetString());
    }

    [Fact]
    public async Task Plant_Attachments_FileBytesDownloadAndLinkRefused()
    {
        var lead = await PlantOneAsync("Leads", new { Last_Name = "Owner", Company = "Zylker" });
        var bytes = Encoding.UTF8.GetBytes("hello attachment");

        var file = await PlantOneAsync("Attachments", new Dictionary<string, object>
        {
            ["Parent_Id"] = lead, ["File_Name"] = "hello.txt", ["$content_base64"] = Convert.ToBase64String(bytes),
        });
        var link = await PlantOneAsync("Attachments", new Dictionary<string, object> { ["Parent_Id"] = new { id = lead }, ["$link_url"] = "https://files.example.com/x" });
        using var download = await _sim.GetAsync(_org, _token, $"Leads/{lead}/Attachments/{file}");
        using var refused = await _sim.GetAsync(_org, _token, $"Leads/{lead}/Attachments/{link}");
        using var list = await _sim.GetAsync(_org, _token, $"Leads/{lead}/Attachments");

        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        await TestSim.AssertErrorAsync(refused, 400, "DOWNLOAD_NOT_ALLOWED");
        var rows = (await TestSim.JsonAsync(list)).GetProperty("data").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[file].GetProperty("Size").GetString());
        Assert.Equal("https://files.example.com/x", rows[link].GetProperty("File_Name").GetString());
    }

    [Fact]
    public async Task Plant_LeadLinkedTask_InTheLeadsActivitiesAndCoql()
    {
        var lead = await PlantOneAsync("Leads", new { Last_Name = "Linked" });

        var task = await PlantOneAsync("Tasks", new Dictionary<string, object> { ["Subject"] = "Call back", ["Status"] = "Not Started", ["What_Id"] = new { id = lead }, ["$se_module"] = "Leads" });
        using var related = await _sim.GetAsync(_org, _token, $"Leads/{lead}/Activities");
        using var coql = await _sim.CoqlAsync(_org, _token, $"select Subject, What_Id from Tasks where What_Id = '{lead}'");

        Assert.Equal([task], TestSim.Ids(await TestSim.JsonAsync(related)));
        Assert.Equal([task], TestSim.Ids(await TestSim.JsonAsync(coql)));
    }

    [Fact]
    public async Task Plant_MixedRecords_PerRecordErrorsNamingFieldAndPath()
    {
        var (status, json) = await PlantAsync("Contacts", """
            {"data":[{"Last_Name":"Fine"},
                     {"First_Name":"No last name"},
                     {"Last_Name":"X","Favourite_Colour":"blue"},
                     {"Last_Name":"X","Email":"not an email"},
                     {"Last_Name":"X","Account_Name":{"id":"1234567890123456789"}},
                     {"Last_Name":"X","Created_Time":"2024-01-01T00:00:00+00:00"},
                     "nope"]}
            """);

        Assert.Equal((HttpStatusCode)207, status);
        var items = json.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal("SUCCESS", items[0].GetProperty("code").GetString());
        Assert.Equal(
            [
                ("MANDATORY_NOT_FOUND", "Last_Name", "$.data[1].Last_Name"),
                ("INVALID_DATA", "Favourite_Colour", "$.data[2].Favourite_Colour"),
                ("INVALID_DATA", "Email", "$.data[3].Email"),
                ("INVALID_DATA", "Account_Name", "$.data[4].Account_Name"),
                ("INVALID_DATA", "Created_Time", "$.data[5].Created_Time"),
            ],
            items.Skip(1).Take(5).Select(i => (i.GetProperty("code").GetString(), i.GetProperty("details").GetProperty("api_name").GetString(), i.GetProperty("details").GetProperty("json_path").GetString())));
        Assert.All(items.Skip(1), i => Assert.Equal("error", i.GetProperty("status").GetString()));
        Assert.Equal("$.data[6]", items[6].GetProperty("details").GetProperty("json_path").GetString());
        Assert.Equal(1, _org.Count("Contacts"));
    }

    [Fact]
    public async Task Plant_NoteOnAMissingParentOrWrongSeModule_Refused()
    {
        var contact = await PlantOneAsync("Contacts", new { Last_Name = "Parent" });

        var (missingStatus, missing) = await PlantAsync("Notes", """{"data":[{"Note_Content":"x","Parent_Id":"1234567890123456789"}]}""");
        var (wrongStatus, wrong) = await PlantAsync("Notes", $$"""{"data":[{"Note_Content":"x","Parent_Id":"{{contact}}","$se_module":"Leads"}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, missingStatus);
        Assert.Equal("Parent_Id", missing.GetProperty("data")[0].GetProperty("details").GetProperty("api_name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, wrongStatus);
        Assert.Equal("$se_module", wrong.GetProperty("data")[0].GetProperty("details").GetProperty("api_name").GetString());
    }

    [Theory]
    [InlineData("orgs/plant/records/Contacts", "not json", 400, "INVALID_DATA")]
    [InlineData("orgs/plant/records/Contacts", """{"records":[]}""", 400, "REQUIRED_PARAM_MISSING")]
    [InlineData("orgs/plant/records/Contacts", """{"data":[]}""", 400, "INVALID_DATA")]
    [InlineData("orgs/plant/records/Nope", """{"data":[{}]}""", 400, "INVALID_MODULE")]
    [InlineData("orgs/plant/records/Activities", """{"data":[{}]}""", 400, "INVALID_MODULE")]
    [InlineData("orgs/nobody/records/Contacts", """{"data":[{}]}""", 404, "INVALID_DATA")]
    public async Task Plant_BadRequest_RequestLevelZohoError(string relative, string body, int status, string code)
    {
        using var response = await _sim.AdminPostAsync(relative, body);

        await TestSim.AssertErrorAsync(response, status, code);
    }

    [Fact]
    public async Task Plant_MoreThanAHundred_LimitExceeded()
    {
        var body = JsonSerializer.Serialize(new { data = Enumerable.Range(0, 101).Select(i => new { Last_Name = "N" + i }) });

        using var response = await _sim.AdminPostAsync("orgs/plant/records/Contacts", body);

        await TestSim.AssertErrorAsync(response, 400, "LIMIT_EXCEEDED");
        Assert.Equal(0, _org.Count("Contacts"));
    }

    [Fact]
    public async Task Truth_OverHttp_LiveThenRecycleBinWithTheDeletingCall()
    {
        var id = await PlantOneAsync("Contacts", new { Last_Name = "Truth" });
        using var before = await _sim.AdminGetAsync($"orgs/plant/records/Contacts/{id}");

        using var delete = await _sim.DeleteAsync(_org, _token, "Contacts?ids=" + id, 8);
        using var after = await _sim.AdminGetAsync($"orgs/plant/records/Contacts/{id}");
        using var any = await _sim.AdminGetAsync($"orgs/plant/truth?ids={id},42");
        using var bin = await _sim.AdminGetAsync("orgs/plant/recycle-bin");
        using var unknown = await _sim.AdminGetAsync("orgs/plant/records/Contacts/42");

        Assert.Equal("Live", (await TestSim.JsonAsync(before)).GetProperty("state").GetString());
        var truth = await TestSim.JsonAsync(after);
        Assert.Equal("RecycleBin", truth.GetProperty("state").GetString());
        Assert.Equal("Pat Boyle", truth.GetProperty("deletedBy").GetProperty("name").GetString());
        Assert.Equal(TestSim.Start, truth.GetProperty("deletedTime").GetDateTimeOffset());
        Assert.Equal(TestSim.Start.AddDays(60), truth.GetProperty("recycleBinUntil").GetDateTimeOffset());
        var call = truth.GetProperty("deletedByCall");
        Assert.Equal(("DELETE", "/Contacts", "DELETE /crm/{v}/{module}"), (call.GetProperty("method").GetString(), call.GetProperty("path").GetString(), call.GetProperty("endpoint").GetString()));
        Assert.Equal(JsonValueKind.Null, call.GetProperty("answerLostBy").ValueKind);
        var anyJson = await TestSim.JsonAsync(any);
        Assert.Equal(id, anyJson.GetProperty("records")[0].GetProperty("id").GetString());
        Assert.Equal("42", anyJson.GetProperty("unknownIds")[0].GetString());
        Assert.Equal(id, (await TestSim.JsonAsync(bin)).GetProperty("records")[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Lock_OverHttp_DeleteAnswersRecordLocked()
    {
        var id = await PlantOneAsync("Contacts", new { Last_Name = "Locked" });

        using var lockResponse = await _sim.AdminPostAsync($"orgs/plant/records/Contacts/{id}/lock", "{}");
        using var delete = await _sim.DeleteAsync(_org, _token, "Contacts/" + id);
        using var missing = await _sim.AdminPostAsync("orgs/plant/records/Contacts/42/lock", "{}");

        Assert.Equal(HttpStatusCode.OK, lockResponse.StatusCode);
        await TestSim.AssertErrorAsync(delete, 400, "RECORD_LOCKED");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
