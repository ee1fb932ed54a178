using System.Net;
using System.Text.Json;

namespace ZohoCrm.Simulator.Tests.Apis;

public sealed class MetadataApiTests : IAsyncLifetime
{
    private TestSim _sim = null!;
    private SimOrg _org = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _sim = await TestSim.StartAsync();
        _org = _sim.Host.AddOrg(new SimOrgSpec { OrgId = "meta", Edition = ZohoEdition.Free, RestrictedFields = ["Leads.Email"] });
        _token = await _sim.AccessTokenAsync(_org);
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Org_PrivacySettingsAndPaidType()
    {
        using var response = await _sim.GetAsync(_org, _token, "org");
        var org = (await TestSim.JsonAsync(response)).GetProperty("org")[0];

        Assert.True(org.GetProperty("privacy_settings").GetBoolean());
        Assert.Equal("free", org.GetProperty("license_details").GetProperty("paid_type").GetString());
        Assert.False(org.GetProperty("license_details").GetProperty("paid").GetBoolean());
        Assert.Equal(10, org.GetProperty("license_details").GetProperty("users_license_purchased").GetInt32());
        Assert.Matches("^[0-9]+$", org.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Fields_EmailTypesAndPrivateObject()
    {
        using var response = await _sim.GetAsync(_org, _token, "settings/fields?module=Leads");
        var fields = (await TestSim.JsonAsync(response)).GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("api_name").GetString()!);

        Assert.Equal("email", fields["Email"].GetProperty("data_type").GetString());
        Assert.Equal("email", fields["Secondary_Email"].GetProperty("data_type").GetString());
        Assert.Equal("consent_lookup", fields["Data_Processing_Basis_Details"].GetProperty("data_type").GetString());
        Assert.True(fields["Email"].GetProperty("private").GetProperty("restricted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, fields["Secondary_Email"].GetProperty("private").ValueKind);
        Assert.DoesNotContain("$stop_processing", fields.Keys);
        Assert.Equal(2, fields.Values.Count(f => f.GetProperty("data_type").GetString() == "email"));
    }

    [Fact]
    public async Task Fields_UnknownOrMissingModule_ZohoErrors()
    {
        using var unknown = await _sim.GetAsync(_org, _token, "settings/fields?module=Nope");
        using var missing = await _sim.GetAsync(_org, _token, "settings/fields");

        await TestSim.AssertErrorAsync(unknown, 400, "INVALID_MODULE");
        await TestSim.AssertErrorAsync(missing, 400, "REQUIRED_PARAM_MISSING");
    }

    [Fact]
    public async Task Modules_ListsStandardModules()
    {
        using var response = await _sim.GetAsync(_org, _token, "settings/modules");
        var names = (await TestSim.JsonAsync(response)).GetProperty("modules").EnumerateArray().Select(m => m.GetProperty("api_name").GetString()).ToList();

        Assert.Contains("Sales_Orders", names);
        Assert.Contains("Activities", names);
        Assert.Contains("Cases", names);
    }

    [Fact]
    public async Task RelatedLists_ContactsUseZohoApiNames()
    {
        using var response = await _sim.GetAsync(_org, _token, "settings/related_lists?module=Contacts");
        var lists = (await TestSim.JsonAsync(response)).GetProperty("related_lists").EnumerateArray().ToDictionary(l => l.GetProperty("api_name").GetString()!);

        Assert.Equal("Sales_Orders", lists["SalesOrders"].GetProperty("module").GetProperty("api_name").GetString());
        Assert.Equal("Contacts/{ENTITYID}/PurchaseOrders", lists["PurchaseOrders"].GetProperty("href").GetString());
        Assert.Equal("Closed Activities", lists["Activities_History"].GetProperty("display_label").GetString());
        Assert.Equal(JsonValueKind.Null, lists["Social"].GetProperty("href").ValueKind);
        Assert.DoesNotContain("Calls", lists.Keys);
        Assert.DoesNotContain("Tasks", lists.Keys);
    }

    [Fact]
    public async Task Admin_CountersAndOrgs_ServeJson()
    {
        using var call = await _sim.GetAsync(_org, _token, "org");
        using var counters = await _sim.Http.GetAsync(new Uri(_sim.Host.BaseUri, "__sim/orgs/meta/counters"));
        using var orgs = await _sim.Http.GetAsync(new Uri(_sim.Host.BaseUri, "__sim/orgs"));
        using var reset = await _sim.Http.PostAsync(new Uri(_sim.Host.BaseUri, "__sim/orgs/meta/counters/reset"), null);
        var json = await TestSim.JsonAsync(counters);

        Assert.Equal(1, json.GetProperty("totalCalls").GetInt64());
        Assert.Equal(1, json.GetProperty("callsByEndpoint").GetProperty("GET /crm/{v}/org").GetInt64());
        Assert.Equal("Free", (await TestSim.JsonAsync(orgs))[0].GetProperty("edition").GetString());
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(0, _org.Counters.TotalCalls);
    }

    [Fact]
    public async Task Admin_PostFaults_SetsSimFaults()
    {
        using var response = await _sim.Http.PostAsync(new Uri(_sim.Host.BaseUri, "__sim/orgs/meta/faults"),
            new StringContent("""{"rate500":0.25,"latencyMaxMs":50}""", System.Text.Encoding.UTF8, "application/json"));
        using var bad = await _sim.Http.PostAsync(new Uri(_sim.Host.BaseUri, "__sim/orgs/meta/faults"),
            new StringContent("""{"rate429":2}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0.25, _org.Faults.Rate500);
        Assert.Equal(TimeSpan.FromMilliseconds(50), _org.Faults.LatencyMax);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        _org.Faults.Clear();
    }
}
