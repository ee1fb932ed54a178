using System.Net;
using System.Text.Json;

namespace ZohoCrm.Simulator.Tests.Apis;

public sealed class RecycleBinApiTests : IAsyncLifetime
{
    private TestSim _sim = null!;
    private SimOrg _org = null!;
    private SeedResult _seed = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _sim = await TestSim.StartAsync();
        _org = _sim.Host.AddOrg(new SimOrgSpec { OrgId = "bin" });
        _seed = _org.Seed(new SeedSpec { Contacts = 50, Leads = 10, Cases = 10 });
        _token = await _sim.AccessTokenAsync(_org);
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private async Task<(string Contact, string Lead, string Note)> DeleteThreeAsync()
    {
        var nina = _seed.Subject("multi-module");
        var contact = nina.ExpectedRecordIds["Contacts"][0];
        var lead = nina.ExpectedRecordIds["Leads"][0];
        var note = nina.ExpectedNotes[0].Id;
        using var first = await _sim.DeleteAsync(_org, _token, "Contacts/" + contact, 8);
        _sim.Time.Advance(TimeSpan.FromMinutes(5));
        using var second = await _sim.DeleteAsync(_org, _token, "Leads/" + lead, 8);
        _sim.Time.Advance(TimeSpan.FromMinutes(5));
        using var third = await _sim.DeleteAsync(_org, _token, "Notes/" + note, 8);
        return (contact, lead, note);
    }

    private static List<string> BinIds(JsonElement json) =>
        [.. json.GetProperty("recycle_bin").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];

    [Fact]
    public async Task Get_ById_TheRecordOr204()
    {
        var (contact, _, _) = await DeleteThreeAsync();
        var live = _seed.Subject("exact").ExpectedRecordIds["Contacts"][0];

        using var found = await _sim.GetAsync(_org, _token, "settings/recycle_bin/" + contact, 8);
        using var notThere = await _sim.GetAsync(_org, _token, "settings/recycle_bin/" + live, 8);
        using var v2 = await _sim.GetAsync(_org, _token, "settings/recycle_bin/" + contact);

        var entry = (await TestSim.JsonAsync(found)).GetProperty("recycle_bin").EnumerateArray().Single();
        Assert.Equal(contact, entry.GetProperty("id").GetString());
        Assert.Equal("Nina Multi", entry.GetProperty("display_name").GetString());
        Assert.Equal("Contacts", entry.GetProperty("module").GetProperty("api_name").GetString());
        Assert.Equal("Pat Boyle", entry.GetProperty("deleted_by").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Object, entry.GetProperty("owner").ValueKind);
        Assert.Equal(TestSim.Start.ToOffset(TimeSpan.FromHours(-5)), entry.GetProperty("deleted_time").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.NoContent, notThere.StatusCode);
        await TestSim.AssertErrorAsync(v2, 404, "INVALID_URL_PATTERN");
    }

    [Fact]
    public async Task List_IdsAndDefaultSort_OnlyThoseMostRecentFirst()
    {
        var (contact, lead, note) = await DeleteThreeAsync();

        using var all = await _sim.GetAsync(_org, _token, "settings/recycle_bin", 8);
        using var some = await _sim.GetAsync(_org, _token, $"settings/recycle_bin?ids={contact},{note}", 8);
        using var ascending = await _sim.GetAsync(_org, _token, "settings/recycle_bin?sort_order=asc", 8);

        Assert.Equal([note, lead, contact], BinIds(await TestSim.JsonAsync(all)));
        Assert.Equal([note, contact], BinIds(await TestSim.JsonAsync(some)));
        Assert.Equal([contact, lead, note], BinIds(await TestSim.JsonAsync(ascending)));
    }

    [Fact]
    public async Task List_Filters_ByModuleNameAndTime()
    {
        var (contact, lead, note) = await DeleteThreeAsync();

        async Task<List<string>> FilterAsync(string filters)
        {
            using var response = await _sim.GetAsync(_org, _token, "settings/recycle_bin?filters=" + Uri.EscapeDataString(filters), 8);
            return response.StatusCode == HttpStatusCode.NoContent ? [] : BinIds(await TestSim.JsonAsync(response));
        }

        Assert.Equal([lead], await FilterAsync("""{"group_operator":"AND","group":[{"field":{"api_name":"module"},"comparator":"equal","value":"Leads"}]}"""));
        Assert.Equal([note, lead], await FilterAsync("""{"group":[{"field":{"api_name":"module"},"comparator":"not_equal","value":"Contacts"}]}"""));
        Assert.Equal([lead, contact], await FilterAsync("""{"group":[{"field":{"api_name":"display_name"},"comparator":"ends_with","value":"multi"}]}"""));
        var after = TestSim.Start.AddMinutes(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([note, lead], await FilterAsync($$"""{"group":[{"field":{"api_name":"deleted_time"},"comparator":"greater_than","value":"{{after}}"}]}"""));
        var user = _org.FindRecordTruth(contact)!.DeletedBy!;
        Assert.Equal([note, lead, contact], await FilterAsync($$"""{"group":[{"field":{"api_name":"deleted_by"},"comparator":"equal","value":[{"id":"{{user.Id}}","name":"{{user.Name}}"}]}]}"""));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"group_operator":"OR","group":[]}""")]
    [InlineData("""{"group":[{"field":{"api_name":"Email"},"comparator":"equal","value":"x"}]}""")]
    [InlineData("""{"group":[{"field":{"api_name":"module"},"comparator":"contains","value":"Lea"}]}""")]
    public async Task List_BadFilters_InvalidData(string filters)
    {
        using var response = await _sim.GetAsync(_org, _token, "settings/recycle_bin?filters=" + Uri.EscapeDataString(filters), 8);

        var json = await TestSim.AssertErrorAsync(response, 400, "INVALID_DATA");
        Assert.Equal("filters", json.GetProperty("details").GetProperty("param_name").GetString());
    }
}
