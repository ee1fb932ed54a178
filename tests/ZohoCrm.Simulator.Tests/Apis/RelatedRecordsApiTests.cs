using System.Net;
using System.Text.Json;

namespace ZohoCrm.Simulator.Tests.Apis;

public sealed class RelatedRecordsApiTests : IAsyncLifetime
{
    private TestSim _sim = null!;
    private SimOrg _org = null!;
    private PlantedSubject _nina = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _sim = await TestSim.StartAsync();
        _org = _sim.Host.AddOrg(new SimOrgSpec { OrgId = "related" });
        _nina = _org.Seed(new SeedSpec { Contacts = 100, Leads = 20, Cases = 20 }).Subject("multi-module");
        _token = await _sim.AccessTokenAsync(_org);
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private string Contact => _nina.ExpectedRecordIds["Contacts"][0];

    private string Lead => _nina.ExpectedRecordIds["Leads"][0];

    private PlantedAttachment FileOf(string parentId) => _nina.ExpectedAttachments.First(a => a.ParentId == parentId && !a.IsLink);

    private PlantedAttachment LinkOf(string parentId) => _nina.ExpectedAttachments.First(a => a.ParentId == parentId && a.IsLink);

    [Fact]
    public async Task Related_NotesOfEachParentModule_ListsTheNotesWithParentAndModule()
    {
        Assert.Equal(["Cases", "Contacts", "Deals", "Leads"], _nina.ExpectedNotes.Select(n => n.ParentModule).Distinct().Order());

        foreach (var note in _nina.ExpectedNotes)
        {
            using var response = await _sim.GetAsync(_org, _token, $"{note.ParentModule}/{note.ParentId}/Notes");
            var row = (await TestSim.JsonAsync(response)).GetProperty("data").EnumerateArray().Single(r => r.GetProperty("id").GetString() == note.Id);

            Assert.Equal(note.ParentId, row.GetProperty("Parent_Id").GetProperty("id").GetString());
            Assert.Equal(note.ParentModule, row.GetProperty("$se_module").GetString());
            Assert.False(string.IsNullOrEmpty(row.GetProperty("Note_Content").GetString()));
            Assert.Equal(JsonValueKind.String, row.GetProperty("Note_Title").ValueKind);
        }
    }

    [Fact]
    public async Task Related_AttachmentsOnV8_FileAndLinkInZohoShape()
    {
        using var response = await _sim.GetAsync(_org, _token, $"Contacts/{Contact}/Attachments?fields=File_Name,Size,$file_id,$type,$link_url,Parent_Id,$se_module,Created_Time", 8);
        var rows = (await TestSim.JsonAsync(response)).GetProperty("data").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);

        var file = rows[FileOf(Contact).Id];
        Assert.Equal("contract.pdf", file.GetProperty("File_Name").GetString());
        Assert.Matches("^[0-9]+$", file.GetProperty("Size").GetString());
        Assert.Equal(JsonValueKind.String, file.GetProperty("$file_id").ValueKind);
        Assert.Equal("File", file.GetProperty("$type").GetString());
        Assert.Equal(JsonValueKind.Null, file.GetProperty("$link_url").ValueKind);
        Assert.Equal(Contact, file.GetProperty("Parent_Id").GetProperty("id").GetString());
        Assert.Equal("Contacts", file.GetProperty("$se_module").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT", file.GetProperty("Created_Time").GetString());
        var link = rows[LinkOf(Contact).Id];
        Assert.Equal("Link URL", link.GetProperty("$type").GetString());
        Assert.Equal(JsonValueKind.Null, link.GetProperty("$file_id").ValueKind);
        Assert.StartsWith("https://", link.GetProperty("$link_url").GetString(), StringComparison.Ordinal);
        Assert.Equal("0", link.GetProperty("Size").GetString());
    }

    [Fact]
    public async Task Related_AttachmentsOnV2_LinkUrlOnlyOnLinks()
    {
        using var response = await _sim.GetAsync(_org, _token, $"Contacts/{Contact}/Attachments");
        var rows = (await TestSim.JsonAsync(response)).GetProperty("data").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);

        Assert.False(rows[FileOf(Contact).Id].TryGetProperty("$link_url", out _));
        Assert.True(rows[LinkOf(Contact).Id].TryGetProperty("$link_url", out _));
        Assert.Equal("save", rows[FileOf(Contact).Id].GetProperty("$state").GetString());
        Assert.Equal(JsonValueKind.Object, rows[FileOf(Contact).Id].GetProperty("Owner").ValueKind);
    }

    [Fact]
    public async Task Related_AttachmentsOfANote_Listed()
    {
        var onNote = _nina.ExpectedAttachments.Single(a => a.ParentModule == "Notes");

        using var response = await _sim.GetAsync(_org, _token, $"Notes/{onNote.ParentId}/Attachments");

        Assert.Equal([onNote.Id], TestSim.Ids(await TestSim.JsonAsync(response)));
    }

    [Fact]
    public async Task Related_NotesWithoutTheNotesScope_ScopeMismatch()
    {
        var narrow = await _sim.AccessTokenAsync(_org, _org.IssueRefreshToken("ZohoCRM.modules.contacts.READ"));
        var both = await _sim.AccessTokenAsync(_org, _org.IssueRefreshToken("ZohoCRM.modules.contacts.READ", "ZohoCRM.modules.notes.READ"));

        using var refused = await _sim.GetAsync(_org, narrow, $"Contacts/{Contact}/Notes");
        using var allowed = await _sim.GetAsync(_org, both, $"Contacts/{Contact}/Notes");

        await TestSim.AssertErrorAsync(refused, 401, "OAUTH_SCOPE_MISMATCH");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Related_ContactDeals_DealsByContactName()
    {
        using var response = await _sim.GetAsync(_org, _token, $"Contacts/{Contact}/Deals?fields=Deal_Name,Contact_Name", 8);
        var json = await TestSim.JsonAsync(response);

        Assert.Equal(_nina.ExpectedDealIds.Order(), TestSim.Ids(json).Order());
        Assert.All(json.GetProperty("data").EnumerateArray(), d => Assert.Equal(Contact, d.GetProperty("Contact_Name").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Related_LeadActivities_ListTheLeadLinkedActivities()
    {
        using var open = await _sim.GetAsync(_org, _token, $"Leads/{Lead}/Activities");
        using var closed = await _sim.GetAsync(_org, _token, $"Leads/{Lead}/Activities_History");
        var rows = new List<JsonElement>();
        foreach (var response in new[] { open, closed })
        {
            if (response.StatusCode == HttpStatusCode.OK)
            {
                rows.AddRange((await TestSim.JsonAsync(response)).GetProperty("data").EnumerateArray());
            }
        }

        Assert.Equal(_nina.ExpectedLeadActivityIds.Values.SelectMany(v => v).Order(), rows.Select(r => r.GetProperty("id").GetString()!).Order());
        Assert.All(rows, r =>
        {
            Assert.Equal(Lead, r.GetProperty("What_Id").GetProperty("id").GetString());
            Assert.Equal("Leads", r.GetProperty("$se_module").GetString());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("Who_Id").ValueKind);
        });
    }

    [Fact]
    public async Task Download_FileAttachment_ReturnsItsBytes()
    {
        var file = FileOf(Contact);

        using var response = await _sim.GetAsync(_org, _token, $"Contacts/{Contact}/Attachments/{file.Id}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var meta = await _sim.GetAsync(_org, _token, $"Contacts/{Contact}/Attachments");
        var size = (await TestSim.JsonAsync(meta)).GetProperty("data").EnumerateArray().Single(r => r.GetProperty("id").GetString() == file.Id).GetProperty("Size").GetString();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("contract.pdf", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal(int.Parse(size!, System.Globalization.CultureInfo.InvariantCulture), bytes.Length);
        Assert.StartsWith("Synthetic attachment " + file.Id, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(1, _org.Counters.CallsByEndpoint["GET /crm/{v}/{module}/{id}/Attachments/{attachment_id}"]);
    }

    [Fact]
    public async Task Download_LinkAttachment_DownloadNotAllowed()
    {
        using var response = await _sim.GetAsync(_org, _token, $"Contacts/{Contact}/Attachments/{LinkOf(Contact).Id}", 8);

        await TestSim.AssertErrorAsync(response, 400, "DOWNLOAD_NOT_ALLOWED");
    }

    [Fact]
    public async Task Download_AnotherRecordsAttachment_InvalidData()
    {
        using var response = await _sim.GetAsync(_org, _token, $"Leads/{Lead}/Attachments/{FileOf(Contact).Id}");

        var json = await TestSim.AssertErrorAsync(response, 400, "INVALID_DATA");
        Assert.Equal(3, json.GetProperty("details").GetProperty("resource_path_index").GetInt32());
    }

    [Fact]
    public async Task Download_OtherRelatedListOrUnknownRelation_UrlOrRelationError()
    {
        using var deals = await _sim.GetAsync(_org, _token, $"Contacts/{Contact}/Deals/{_nina.ExpectedDealIds[0]}");
        using var unknown = await _sim.GetAsync(_org, _token, $"Contacts/{Contact}/Nope/1");

        await TestSim.AssertErrorAsync(deals, 404, "INVALID_URL_PATTERN");
        await TestSim.AssertErrorAsync(unknown, 400, "INVALID_DATA");
    }

    [Fact]
    public async Task DeleteNote_UnderItsParent_InTheRecycleBinAndGoneFromTheList()
    {
        var note = _nina.ExpectedNotes.First(n => n.ParentModule == "Leads");

        using var response = await _sim.DeleteAsync(_org, _token, $"Leads/{note.ParentId}/Notes/{note.Id}", 8);
        using var list = await _sim.GetAsync(_org, _token, $"Leads/{note.ParentId}/Notes");

        var item = (await TestSim.JsonAsync(response)).GetProperty("data")[0];
        Assert.Equal("SUCCESS", item.GetProperty("code").GetString());
        Assert.Equal(note.Id, item.GetProperty("details").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, list.StatusCode);
        var truth = _org.GetRecordTruth("Notes", note.Id)!;
        Assert.Equal(RecordTruthState.RecycleBin, truth.State);
        Assert.Equal($"/Leads/{note.ParentId}/Notes/{note.Id}", truth.DeletedByCall!.Path);
        Assert.Equal("DELETE /crm/{v}/{module}/{id}/{related_list}/{related_id}", truth.DeletedByCall.Endpoint);
    }

    [Fact]
    public async Task DeleteNote_UnderAnotherParent_InvalidDataAndKept()
    {
        var note = _nina.ExpectedNotes.First(n => n.ParentModule == "Leads");

        using var response = await _sim.DeleteAsync(_org, _token, $"Contacts/{Contact}/Notes/{note.Id}");

        var json = await TestSim.AssertErrorAsync(response, 400, "INVALID_DATA");
        Assert.Equal(note.Id, json.GetProperty("details").GetProperty("id").GetString());
        Assert.True(_org.Exists("Notes", note.Id));
    }

    [Fact]
    public async Task DeleteAttachment_UnderItsParent_RecycledThenPurgedOnV8()
    {
        var file = FileOf(Lead);

        using var delete = await _sim.DeleteAsync(_org, _token, $"Leads/{Lead}/Attachments/{file.Id}", 8);
        using var bin = await _sim.GetAsync(_org, _token, $"settings/recycle_bin/{file.Id}", 8);
        using var purge = await _sim.DeleteAsync(_org, _token, $"settings/recycle_bin?ids={file.Id}", 8);
        using var download = await _sim.GetAsync(_org, _token, $"Leads/{Lead}/Attachments/{file.Id}", 8);

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        var entry = (await TestSim.JsonAsync(bin)).GetProperty("recycle_bin")[0];
        Assert.Equal("Attachments", entry.GetProperty("module").GetProperty("api_name").GetString());
        Assert.Equal("proposal.pdf", entry.GetProperty("display_name").GetString());
        Assert.Equal("SUCCESS", (await TestSim.JsonAsync(purge)).GetProperty("data")[0].GetProperty("code").GetString());
        await TestSim.AssertErrorAsync(download, 400, "INVALID_DATA");
        var truth = _org.GetRecordTruth("Attachments", file.Id)!;
        Assert.Equal(RecordTruthState.Purged, truth.State);
        Assert.Equal("/settings/recycle_bin", truth.PurgedByCall!.Path);
        Assert.False(truth.PurgedByRetention);
    }

    [Fact]
    public async Task DeleteMany_NotesModule_PerRecordResults()
    {
        var notes = _nina.ExpectedNotes.Select(n => n.Id).Take(2).ToList();

        using var response = await _sim.DeleteAsync(_org, _token, $"Notes?ids={notes[0]},{notes[1]},9999999999999999999", 8);
        var codes = (await TestSim.JsonAsync(response)).GetProperty("data").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();

        Assert.Equal((HttpStatusCode)207, response.StatusCode);
        Assert.Equal(["SUCCESS", "SUCCESS", "INVALID_DATA"], codes);
        Assert.All(notes, id => Assert.True(_org.IsInRecycleBin("Notes", id)));
    }

    [Fact]
    public async Task DeleteParent_DefaultNoCascade_NotesAndAttachmentsStayLive()
    {
        using var response = await _sim.DeleteAsync(_org, _token, $"Contacts/{Contact}", 8);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(_nina.ExpectedNotes.Where(n => n.ParentId == Contact), n => Assert.True(_org.Exists("Notes", n.Id)));
        Assert.All(_nina.ExpectedAttachments.Where(a => a.ParentId == Contact), a => Assert.True(_org.Exists("Attachments", a.Id)));
    }

    [Fact]
    public async Task Attachments_NotAModuleOfThePathOrCoql_InvalidModuleAndQuery()
    {
        using var list = await _sim.GetAsync(_org, _token, "Attachments");
        using var delete = await _sim.DeleteAsync(_org, _token, "Attachments?ids=" + FileOf(Contact).Id);
        using var coql = await _sim.CoqlAsync(_org, _token, "select File_Name from Attachments where id is not null");
        using var modules = await _sim.GetAsync(_org, _token, "settings/modules");

        await TestSim.AssertErrorAsync(list, 400, "INVALID_MODULE");
        await TestSim.AssertErrorAsync(delete, 400, "INVALID_MODULE");
        await TestSim.AssertErrorAsync(coql, 400, "INVALID_QUERY");
        Assert.DoesNotContain("Attachments", (await TestSim.JsonAsync(modules)).GetProperty("modules").EnumerateArray().Select(m => m.GetProperty("api_name").GetString()));
        Assert.True(_org.Exists("Attachments", FileOf(Contact).Id));
    }
}
