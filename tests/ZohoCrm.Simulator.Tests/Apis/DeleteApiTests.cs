using System.Net;
using System.Text.Json;

namespace ZohoCrm.Simulator.Tests.Apis;

public sealed class DeleteApiTests : IAsyncLifetime
{
    private TestSim _sim = null!;
    private SimOrg _org = null!;
    private SeedResult _seed = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _sim = await TestSim.StartAsync();
        _org = _sim.Host.AddOrg(new SimOrgSpec { OrgId = "delete" });
        _seed = _org.Seed(new SeedSpec { Contacts = 100, Leads = 20, Cases = 20 });
        _token = await _sim.AccessTokenAsync(_org);
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private static List<(string Code, string Status, string Id)> Items(JsonElement json) =>
        [.. json.GetProperty("data").EnumerateArray().Select(i => (i.GetProperty("code").GetString()!, i.GetProperty("status").GetString()!, i.GetProperty("details").GetProperty("id").GetString()!))];

    [Fact]
    public async Task DeleteMany_MixedOnV8_MultiStatusWithPerRecordResults()
    {
        var calls = _seed.Subject("multi-module").ExpectedRecordIds["Calls"];
        _org.LockRecord("Calls", calls[1]);

        using var response = await _sim.DeleteAsync(_org, _token, $"Calls?ids={calls[0]},{calls[1]},9999999999999999999,abc", 8);
        var items = Items(await TestSim.JsonAsync(response));

        Assert.Equal((HttpStatusCode)207, response.StatusCode);
        Assert.Equal(("SUCCESS", "success", calls[0]), items[0]);
        Assert.Equal(("RECORD_LOCKED", "error", calls[1]), items[1]);
        Assert.Equal(("INVALID_DATA", "error", "9999999999999999999"), items[2]);
        Assert.Equal(("INVALID_DATA", "error", "abc"), items[3]);
        Assert.False(_org.Exists("Calls", calls[0]));
        Assert.True(_org.IsInRecycleBin("Calls", calls[0]));
        Assert.True(_org.Exists("Calls", calls[1]));
        Assert.Equal(1, _org.Counters.RecordsDeleted);
    }

    [Fact]
    public async Task DeleteMany_MixedOnV2_OkWithPerRecordResults()
    {
        var quotes = _seed.Subject("multi-module").ExpectedRecordIds["Quotes"];

        using var first = await _sim.DeleteAsync(_org, _token, $"Quotes?ids={quotes[0]}");
        using var again = await _sim.DeleteAsync(_org, _token, $"Quotes?ids={quotes[0]},{quotes[1]}");
        var items = Items(await TestSim.JsonAsync(again));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("record deleted", (await TestSim.JsonAsync(first)).GetProperty("data")[0].GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("INVALID_DATA", items[0].Code);
        Assert.Equal("SUCCESS", items[1].Code);
    }

    [Fact]
    public async Task DeleteMany_NoIdsOrTooMany_RequestLevelErrors()
    {
        using var missing = await _sim.DeleteAsync(_org, _token, "Contacts");
        using var tooMany = await _sim.DeleteAsync(_org, _token, "Contacts?ids=" + string.Join(',', Enumerable.Range(1, 101)));
        using var module = await _sim.DeleteAsync(_org, _token, "Nope?ids=1");

        var json = await TestSim.AssertErrorAsync(missing, 400, "REQUIRED_PARAM_MISSING");
        Assert.Equal("ids", json.GetProperty("details").GetProperty("param_name").GetString());
        await TestSim.AssertErrorAsync(tooMany, 400, "LIMIT_EXCEEDED");
        await TestSim.AssertErrorAsync(module, 400, "INVALID_MODULE");
    }

    [Fact]
    public async Task DeleteOne_SuccessThenAgain_InvalidDataUnwrapped()
    {
        var lead = _seed.Subject("exact").ExpectedRecordIds["Leads"][0];

        using var first = await _sim.DeleteAsync(_org, _token, "Leads/" + lead);
        using var second = await _sim.DeleteAsync(_org, _token, "Leads/" + lead);

        Assert.Equal("SUCCESS", Items(await TestSim.JsonAsync(first))[0].Code);
        var json = await TestSim.AssertErrorAsync(second, 400, "INVALID_DATA");
        Assert.Equal("record not deleted", json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Deleted_ListsRecycleThenPurgeMakesPermanent()
    {
        var contact = _seed.Subject("secondary").ExpectedRecordIds["Contacts"][0];
        using var delete = await _sim.DeleteAsync(_org, _token, "Contacts/" + contact);

        using var recycle = await _sim.GetAsync(_org, _token, "Contacts/deleted?type=recycle", 8);
        var item = (await TestSim.JsonAsync(recycle)).GetProperty("data")[0];
        using var purgeV2 = await _sim.DeleteAsync(_org, _token, "settings/recycle_bin?ids=" + contact);
        using var purge = await _sim.DeleteAsync(_org, _token, "settings/recycle_bin?ids=" + contact, 8);
        using var permanent = await _sim.GetAsync(_org, _token, "Contacts/deleted?type=permanent", 8);
        using var recycleAfter = await _sim.GetAsync(_org, _token, "Contacts/deleted?type=recycle", 8);

        Assert.Equal(contact, item.GetProperty("id").GetString());
        Assert.Equal("recycle", item.GetProperty("type").GetString());
        Assert.Equal("Sam Secondary", item.GetProperty("display_name").GetString());
        Assert.Equal(JsonValueKind.Object, item.GetProperty("deleted_by").ValueKind);
        Assert.Equal(JsonValueKind.Object, item.GetProperty("created_by").ValueKind);
        Assert.Equal(JsonValueKind.String, item.GetProperty("deleted_time").ValueKind);
        await TestSim.AssertErrorAsync(purgeV2, 404, "INVALID_URL_PATTERN");
        Assert.Equal("SUCCESS", Items(await TestSim.JsonAsync(purge))[0].Code);
        Assert.Equal(contact, TestSim.Ids(await TestSim.JsonAsync(permanent)).Single());
        Assert.Equal(HttpStatusCode.NoContent, recycleAfter.StatusCode);
        Assert.False(_org.IsInRecycleBin("Contacts", contact));
        Assert.Equal(3, _org.Counters.CallsByEndpoint["GET /crm/{v}/{module}/deleted"]);
    }

    [Fact]
    public async Task RecycleBin_AfterSixtyDays_RecordIsPermanentlyDeleted()
    {
        var contact = _seed.Subject("exact").ExpectedRecordIds["Contacts"][0];
        using var delete = await _sim.DeleteAsync(_org, _token, "Contacts/" + contact);
        Assert.True(_org.IsInRecycleBin("Contacts", contact));

        _sim.Time.Advance(TimeSpan.FromDays(60));

        Assert.False(_org.IsInRecycleBin("Contacts", contact));
        Assert.False(_org.Exists("Contacts", contact));
    }

    [Fact]
    public async Task Deleted_ChargesTwoCredits()
    {
        _org.Counters.Reset();

        using var response = await _sim.GetAsync(_org, _token, "Contacts/deleted");

        Assert.Equal(2, _org.Counters.CreditsUsed);
    }
}
