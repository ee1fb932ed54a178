using System.Net;
using System.Text.Json;

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
