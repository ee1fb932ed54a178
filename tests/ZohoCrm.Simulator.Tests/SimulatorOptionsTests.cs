using System.Net;
using System.Text.Json;

namespace ZohoCrm.Simulator.Tests;

public sealed class SimulatorOptionsTests
{
    [Fact]
    public async Task LenientSwitches_Off_RelaxedBehaviour()
    {
        await using var sim = await TestSim.StartAsync(o =>
        {
            o.ModuleNamesCaseSensitive = false;
            o.CoqlNoRowsIs204 = false;
            o.UnknownRecordIdIsInvalidData = false;
            o.SearchEmailOnRestrictedFieldFails = false;
        });
        var org = sim.Host.AddOrg(new SimOrgSpec { OrgId = "lenient", RestrictedFields = ["Contacts.Email"] });
        org.Seed(new SeedSpec { Contacts = 20, Leads = 5, Cases = 5 });
        var token = await sim.AccessTokenAsync(org);

        using var lower = await sim.GetAsync(org, token, "contacts?per_page=1");
        using var coql = await sim.CoqlAsync(org, token, "select Last_Name from Leads where Last_Name = 'Nobody'");
        using var unknown = await sim.GetAsync(org, token, "Contacts/1234567890123456789");
        using var search = await sim.GetAsync(org, token, "Contacts/search?email=maria.exact@example.com");

        Assert.Equal(HttpStatusCode.OK, lower.StatusCode);
        Assert.Equal(0, (await TestSim.JsonAsync(coql)).GetProperty("data").GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
    }

    [Fact]
    public async Task CoqlRefusesLikeOnEmailFields_On_LikeOnEmailInvalidButEqualsAndLikeOnTextAnswered()
    {
        await using var sim = await TestSim.StartAsync(o => o.CoqlRefusesLikeOnEmailFields = true);
        var org = sim.Host.AddOrg(new SimOrgSpec { OrgId = "nolike" });
        org.Seed(new SeedSpec { Contacts = 20, Leads = 5, Cases = 5 });
        var token = await sim.AccessTokenAsync(org);

        using var like = await sim.CoqlAsync(org, token, "select Email from Contacts where Email like '%maria.exact@example.com%'");
        using var notLike = await sim.CoqlAsync(org, token, "select Email from Contacts where (Last_Name = 'x' and Secondary_Email not like '%a%')");
        using var equal = await sim.CoqlAsync(org, token, "select Email from Contacts where Email = 'maria.exact@example.com'");
        using var text = await sim.CoqlAsync(org, token, "select Email from Contacts where Last_Name like '%a%'");

        var error = await TestSim.AssertErrorAsync(like, 400, "INVALID_QUERY");
        Assert.Equal("Email", error.GetProperty("details").GetProperty("column_name").GetString());
        await TestSim.AssertErrorAsync(notLike, 400, "INVALID_QUERY");
        Assert.Single(TestSim.Ids(await TestSim.JsonAsync(equal)));
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
    }

    [Fact]
    public async Task RestrictedValuesWithPrivateFields_Off_NullEvenWithInclude()
    {
        await using var sim = await TestSim.StartAsync(o => o.RestrictedValuesWithPrivateFields = false);
        var org = sim.Host.AddOrg(new SimOrgSpec { OrgId = "strict", RestrictedFields = ["Leads.Email"] });
        var seed = org.Seed(new SeedSpec { Contacts = 10, Leads = 5, Cases = 5 });
        var token = await sim.AccessTokenAsync(org);

        using var response = await sim.GetAsync(org, token, $"Leads/{seed.Subject("exact").ExpectedRecordIds["Leads"][0]}?include=private_fields");
        var json = await TestSim.JsonAsync(response);

        Assert.Equal(JsonValueKind.Null, json.GetProperty("data")[0].GetProperty("Email").ValueKind);
        Assert.Equal("Email", json.GetProperty("private_fields")[0].GetProperty("api_name").GetString());
    }

    [Fact]
    public async Task PrivacySettingsOff_RestrictedFieldsIgnored()
    {
        await using var sim = await TestSim.StartAsync();
        var org = sim.Host.AddOrg(new SimOrgSpec { OrgId = "noprivacy", PrivacySettings = false, RestrictedFields = ["Contacts.Email"] });
        org.Seed(new SeedSpec { Contacts = 10, Leads = 5, Cases = 5 });
        var token = await sim.AccessTokenAsync(org);

        using var search = await sim.GetAsync(org, token, "Contacts/search?criteria=(Email:equals:maria.exact@example.com)");
        using var orgResponse = await sim.GetAsync(org, token, "org");

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.False((await TestSim.JsonAsync(orgResponse)).GetProperty("org")[0].GetProperty("privacy_settings").GetBoolean());
    }

    [Fact]
    public async Task CreditsPastHalf_RemainingHeader()
    {
        await using var sim = await TestSim.StartAsync();
        var org = sim.Host.AddOrg(new SimOrgSpec { OrgId = "header", DailyCreditLimit = 4 });
        var token = await sim.AccessTokenAsync(org);

        using var first = await sim.GetAsync(org, token, "org");
        using var second = await sim.GetAsync(org, token, "org");

        Assert.False(first.Headers.Contains("X-API-CREDITS-REMAINING"));
        Assert.Equal("2", second.Headers.GetValues("X-API-CREDITS-REMAINING").Single());
    }

    [Fact]
    public async Task DeleteCascadesToNotesAndAttachments_On_ChildrenRecycledWithTheParentByTheSameCall()
    {
        await using var sim = await TestSim.StartAsync(o => o.DeleteCascadesToNotesAndAttachments = true);
        var org = sim.Host.AddOrg(new SimOrgSpec { OrgId = "cascade" });
        var nina = org.Seed(new SeedSpec { Contacts = 10, Leads = 5, Cases = 5 }).Subject("multi-module");
        var token = await sim.AccessTokenAsync(org);
        var contact = nina.ExpectedRecordIds["Contacts"][0];
        var notes = nina.ExpectedNotes.Where(n => n.ParentId == contact).Select(n => n.Id).ToHashSet();
        var attachments = nina.ExpectedAttachments.Where(a => a.ParentId == contact || notes.Contains(a.ParentId)).Select(a => a.Id).ToList();
        Assert.NotEmpty(notes);
        Assert.Contains(nina.ExpectedAttachments, a => notes.Contains(a.ParentId));

        using var response = await sim.DeleteAsync(org, token, "Contacts?ids=" + contact, 8);

        var parent = org.GetRecordTruth("Contacts", contact)!;
        Assert.All(notes.Select(id => org.GetRecordTruth("Notes", id)!).Concat(attachments.Select(id => org.GetRecordTruth("Attachments", id)!)), t =>
        {
            Assert.Equal(RecordTruthState.RecycleBin, t.State);
            Assert.True(t.DeletedWithParent);
            Assert.Equal(parent.DeletedByCall!.CallId, t.DeletedByCall!.CallId);
        });
        Assert.Equal(1 + notes.Count + attachments.Count, org.Counters.RecordsDeleted);
        Assert.True(org.Exists("Notes", nina.ExpectedNotes.First(n => n.ParentModule == "Leads").Id));
    }
}
