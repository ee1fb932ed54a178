using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ZohoCrm.Simulator.Tests.Seeding;

public sealed class SeederTests(SeededSimFixture fixture) : IClassFixture<SeededSimFixture>
{
    [Fact]
    public async Task Seed_SameSpecAndOptions_SameRecordsAndIds()
    {
        await using var a = await TestSim.StartAsync();
        await using var b = await TestSim.StartAsync();
        var orgA = a.Host.AddOrg(new SimOrgSpec { OrgId = "det" });
        var orgB = b.Host.AddOrg(new SimOrgSpec { OrgId = "det" });
        var seedA = orgA.Seed(new SeedSpec { Contacts = 300, Leads = 50, Cases = 40 });
        var seedB = orgB.Seed(new SeedSpec { Contacts = 300, Leads = 50, Cases = 40 });

        using var pageA = await a.GetAsync(orgA, await a.AccessTokenAsync(orgA), "Contacts?per_page=200");
        using var pageB = await b.GetAsync(orgB, await b.AccessTokenAsync(orgB), "Contacts?per_page=200");

        Assert.Equal(seedA.RecordsByModule, seedB.RecordsByModule);
        Assert.Equal(seedA.Subjects.Select(s => s.ExpectedRecordIds.SelectMany(p => p.Value)), seedB.Subjects.Select(s => s.ExpectedRecordIds.SelectMany(p => p.Value)));
        Assert.Equal(seedA.Subjects.Select(s => s.AllExpectedRecordIds.SelectMany(p => p.Value)), seedB.Subjects.Select(s => s.AllExpectedRecordIds.SelectMany(p => p.Value)));
        Assert.Equal(seedA.Subjects.SelectMany(s => s.Mentions), seedB.Subjects.SelectMany(s => s.Mentions));
        Assert.Equal(await pageA.Content.ReadAsStringAsync(), await pageB.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Seed_OtherRandomSeed_OtherData()
    {
        await using var sim = await TestSim.StartAsync();
        var one = sim.Host.AddOrg(new SimOrgSpec { OrgId = "one" }).Seed(new SeedSpec { Contacts = 100, RandomSeed = 1 });
        var two = sim.Host.AddOrg(new SimOrgSpec { OrgId = "two" }).Seed(new SeedSpec { Contacts = 100, RandomSeed = 2 });

        Assert.NotEqual(one.RecordsByModule, two.RecordsByModule);
    }

    [Fact]
    public void Seed_PlantsEverySubjectName()
    {
        Assert.Equal(
            ["exact", "case", "secondary", "multi-module", "over-200", "over-2000", "lookalikes"],
            fixture.Seed.Subjects.Select(s => s.Name).ToArray());
        Assert.Equal(10, fixture.Seed.Subject("multi-module").ExpectedRecordIds.Count);
        Assert.True(fixture.Seed.Subject("over-200").TotalExpected > 200);
        Assert.True(fixture.Seed.Subject("over-2000").ExpectedRecordIds["Cases"].Count > 2_000);
        Assert.Equal(["Contacts"], fixture.Seed.Subject("secondary").ExpectedRecordIds.Keys.Where(k => k == "Contacts"));
    }

    /// <summary>Recomputes every subject's records by brute force over the API and compares with ExpectedRecordIds.</summary>
    [Fact]
    public async Task ExpectedRecordIds_EqualBruteForceOverTheApi()
    {
        var sim = fixture.Sim;
        var org = fixture.Org;
        var token = fixture.Token;
        var all = new Dictionary<string, List<JsonElement>>();
        foreach (var module in new[] { "Contacts", "Leads", "Cases", "Calls", "Tasks", "Events", "Quotes", "Invoices", "Sales_Orders", "Purchase_Orders" })
        {
            all[module] = await ReadAllAsync(sim, org, token, module);
        }

        foreach (var subject in fixture.Seed.Subjects)
        {
            var email = subject.Email.Trim().ToLowerInvariant();
            var expected = new Dictionary<string, List<string>>();
            foreach (var module in new[] { "Contacts", "Leads", "Cases" })
            {
                var ids = all[module].Where(r => new[] { "Email", "Secondary_Email" }
                        .Any(f => r.TryGetProperty(f, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim().ToLowerInvariant() == email))
                    .Select(r => r.GetProperty("id").GetString()!).ToList();
                if (ids.Count > 0)
                {
                    expected[module] = ids;
                }
            }

            var contacts = expected.GetValueOrDefault("Contacts", []).ToHashSet();
            foreach (var (module, field) in new[] { ("Calls", "Who_Id"), ("Tasks", "Who_Id"), ("Events", "Who_Id"), ("Quotes", "Contact_Name"), ("Invoices", "Contact_Name"), ("Sales_Orders", "Contact_Name"), ("Purchase_Orders", "Contact_Name") })
            {
                var ids = all[module].Where(r => r.GetProperty(field).ValueKind == JsonValueKind.Object && contacts.Contains(r.GetProperty(field).GetProperty("id").GetString()!))
                    .Select(r => r.GetProperty("id").GetString()!).ToList();
                if (ids.Count > 0)
                {
                    expected[module] = ids;
                }
            }

            Assert.Equal(expected.Keys.Order(), subject.ExpectedRecordIds.Keys.Order());
            foreach (var (module, ids) in expected)
            {
                Assert.Equal(ids.Order(), subject.ExpectedRecordIds[module].Order());
            }

            foreach (var lookAlike in subject.LookAlikeEmails)
            {
                Assert.NotEqual(email, lookAlike.Trim().ToLowerInvariant());
                Assert.Contains(all["Contacts"].Concat(all["Leads"]), r => new[] { "Email", "Secondary_Email" }
                    .Any(f => r.GetProperty(f).ValueKind == JsonValueKind.String && r.GetProperty(f).GetString()!.Equals(lookAlike, StringComparison.OrdinalIgnoreCase)));
            }
        }

        var multi = fixture.Seed.Subject("multi-module").ExpectedRecordIds;
        Assert.Equal(["Calls", "Cases", "Contacts", "Events", "Invoices", "Leads", "Purchase_Orders", "Quotes", "Sales_Orders", "Tasks"], multi.Keys.Order());
    }

    [Fact]
    public void Seed_MultiModule_PlantsNotesFilesLinksDealsLeadTasksAndMentions()
    {
        var nina = fixture.Seed.Subject("multi-module");

        Assert.NotEmpty(nina.ExpectedNotes);
        Assert.Contains(nina.ExpectedAttachments, a => !a.IsLink);
        Assert.Contains(nina.ExpectedAttachments, a => a.IsLink);
        Assert.NotEmpty(nina.ExpectedDealIds);
        Assert.NotEmpty(nina.ExpectedLeadActivityIds["Tasks"]);
        Assert.Equal(["Cases", "Contacts", "Notes", "Tasks"], nina.Mentions.Select(m => m.Module).Order());
        Assert.Contains(new PlantedMention("Notes", nina.Mentions.Single(m => m.Module == "Notes").Id, "Note_Content"), nina.Mentions);
        Assert.All(nina.Mentions.Where(m => m.Module != "Notes"), m => Assert.Equal("Description", m.Field));
        Assert.Equal(10, nina.ExpectedRecordIds.Count);
        Assert.Equal(
            nina.TotalExpected + nina.ExpectedDealIds.Count + nina.ExpectedLeadActivityIds.Values.Sum(v => v.Count) + nina.ExpectedNotes.Count + nina.ExpectedAttachments.Count,
            nina.AllExpectedRecordIds.Values.Sum(v => v.Count));
    }

    [Fact]
    public void Seed_LookAlikes_OnlyTheWholeAddressIsAMention()
    {
        var lee = fixture.Seed.Subject("lookalikes");

        var mention = Assert.Single(lee.Mentions);
        Assert.Equal(("Leads", "Description"), (mention.Module, mention.Field));
        Assert.Empty(lee.ExpectedNotes);
    }

    [Fact]
    public void Seed_OtherPeople_GetNotesAttachmentsDealsAndLeadActivitiesToo()
    {
        var owned = fixture.Seed.Subjects.SelectMany(s => s.AllExpectedRecordIds).ToLookup(p => p.Key, p => p.Value.Count);

        Assert.True(fixture.Seed.RecordsByModule["Notes"] > owned["Notes"].Sum());
        Assert.True(fixture.Seed.RecordsByModule["Attachments"] > owned["Attachments"].Sum());
        Assert.True(fixture.Seed.RecordsByModule["Deals"] > owned["Deals"].Sum());
    }

    /// <summary>
    /// Recomputes every subject's deals, lead activities, notes, attachments and mentions by brute force over the API
    /// (lists, related lists, a regular expression over free text) and compares them with the seeder's ground truth.
    /// </summary>
    [Fact]
    public async Task NewGroundTruth_EqualsBruteForceOverTheApi()
    {
        var sim = fixture.Sim;
        var org = fixture.Org;
        var token = fixture.Token;
        var all = new Dictionary<string, List<JsonElement>>();
        foreach (var module in new[] { "Contacts", "Leads", "Cases", "Calls", "Tasks", "Events", "Deals", "Notes" })
        {
            all[module] = await ReadAllAsync(sim, org, token, module);
        }

        static string? LookupId(JsonElement r, string field) =>
            r.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Object ? v.GetProperty("id").GetString() : null;

        foreach (var subject in fixture.Seed.Subjects)
        {
            var owned = subject.ExpectedRecordIds.SelectMany(p => p.Value.Select(id => (Module: p.Key, Id: id))).ToList();
            var contacts = subject.ExpectedRecordIds.GetValueOrDefault("Contacts", []).ToHashSet();
            var leads = subject.ExpectedRecordIds.GetValueOrDefault("Leads", []).ToHashSet();
            var deals = all["Deals"].Where(d => contacts.Contains(LookupId(d, "Contact_Name") ?? string.Empty)).Select(d => d.GetProperty("id").GetString()!).ToList();
            Assert.Equal(deals.Order(), subject.ExpectedDealIds.Order());
            owned.AddRange(deals.Select(id => ("Deals", id)));
            foreach (var module in new[] { "Calls", "Tasks", "Events" })
            {
                var linked = all[module]
                    .Where(a => leads.Contains(LookupId(a, "What_Id") ?? string.Empty) && a.GetProperty("$se_module").GetString() == "Leads")
                    .Select(a => a.GetProperty("id").GetString()!).ToList();
                Assert.Equal(linked.Order(), subject.ExpectedLeadActivityIds.GetValueOrDefault(module, []).Order());
                owned.AddRange(linked.Select(id => (module, id)));
            }

            var ownedIds = owned.Select(o => o.Id).ToHashSet();
            var notes = all["Notes"].Where(n => ownedIds.Contains(LookupId(n, "Parent_Id")!)).ToList();
            Assert.Equal(
                notes.Select(n => new PlantedNote(n.GetProperty("id").GetString()!, n.GetProperty("$se_module").GetString()!, LookupId(n, "Parent_Id")!)).OrderBy(n => n.Id),
                subject.ExpectedNotes.OrderBy(n => n.Id));
            var attachments = new List<PlantedAttachment>();
            foreach (var (module, id) in owned.Distinct().Concat(notes.Select(n => ("Notes", n.GetProperty("id").GetString()!))))
            {
                using var response = await sim.GetAsync(org, token, $"{module}/{id}/Attachments");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    attachments.AddRange((await TestSim.JsonAsync(response)).GetProperty("data").EnumerateArray()
                        .Select(a => new PlantedAttachment(a.GetProperty("id").GetString()!, module, id, a.TryGetProperty("$link_url", out _))));
                }
            }

            Assert.Equal(attachments.OrderBy(a => a.Id), subject.ExpectedAttachments.OrderBy(a => a.Id));
            var mine = ownedIds.Concat(notes.Select(n => n.GetProperty("id").GetString()!)).Concat(attachments.Select(a => a.Id)).ToHashSet();
            var whole = new Regex(@"(?<![A-Za-z0-9._%+@-])" + Regex.Escape(subject.Email) + @"(?![A-Za-z0-9_%+@-]|\.[A-Za-z0-9_%+@-])", RegexOptions.IgnoreCase);
            var mentions = all.SelectMany(p => p.Value.SelectMany(r => new[] { "Description", "Note_Content", "Note_Title" }
                    .Where(f => r.TryGetProperty(f, out var v) && v.ValueKind == JsonValueKind.String && whole.IsMatch(v.GetString()!))
                    .Select(f => new PlantedMention(p.Key, r.GetProperty("id").GetString()!, f))))
                .Where(m => !mine.Contains(m.Id))
                .ToList();
            Assert.Equal(mentions.OrderBy(m => m.Id), subject.Mentions.OrderBy(m => m.Id));
        }
    }

    private static async Task<List<JsonElement>> ReadAllAsync(TestSim sim, SimOrg org, string token, string module)
    {
        var rows = new List<JsonElement>();
        string? pageToken = null;
        for (var page = 1; ; page++)
        {
            var query = pageToken is null ? $"{module}?per_page=200&page={page}" : $"{module}?per_page=200&page_token={pageToken}";
            using var response = await sim.GetAsync(org, token, query);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return rows;
            }

            var json = await TestSim.JsonAsync(response);
            rows.AddRange(json.GetProperty("data").EnumerateArray());
            var info = json.GetProperty("info");
            if (!info.GetProperty("more_records").GetBoolean())
            {
                return rows;
            }

            if (page >= 10)
            {
                pageToken = info.GetProperty("next_page_token").GetString();
            }
        }
    }
}
