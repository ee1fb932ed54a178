using System.Net;
using System.Text;

namespace ZohoCrm.Client.Tests;

/// <summary>How the client reads what comes back, including what Zoho should never send, over a fake handler.</summary>
public sealed class ZohoCrmClientResponseTests
{
    private const string OneRecord = """{"data":[{"id":"3652397000000415002","Last_Name":"Ng"}],"info":{"per_page":200,"count":1,"page":1,"more_records":false}}""";

    public static TheoryData<string, string> BrokenBodies => new()
    {
        { "malformed JSON", """{"data":[{"id":"1",]}""" },
        { "HTML page", "<html><head><title>502</title></head><body>Bad gateway for ng@example.com at https://www.zohoapis.com/crm/v8/Contacts</body></html>" },
        { "empty body", string.Empty },
        { "truncated JSON", """{"data":[{"id":"3652397000000415002","Email":"ng@exa""" },
        { "JSON array", "[1,2,3]" },
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task ListRecords_BrokenBodyOn200_ThrowsZohoApiExceptionWithSanitisedExcerpt(string kind, string body)
    {
        var api = new FakeHandler((_, _) => FakeHandler.Text(HttpStatusCode.OK, body));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.ListRecordsAsync("Contacts", ["Email"]).ToListAsync().AsTask());

        Assert.Equal(200, error.Status);
        Assert.Null(error.Code);
        Assert.DoesNotContain("ng@example.com", error.Message);
        Assert.DoesNotContain("zohoapis", error.Message);
        Assert.True(error.Message.Length < 300, kind);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, "<html><body>upstream error for ng@example.com</body></html>")]
    [InlineData(HttpStatusCode.Forbidden, "")]
    [InlineData(HttpStatusCode.BadRequest, "not json at all 1000.0123456789abcdef0123456789abcdef")]
    public async Task GetOrg_BrokenErrorBody_ThrowsWithStatusAndNoSecrets(HttpStatusCode status, string body)
    {
        var api = new FakeHandler((_, _) => FakeHandler.Text(status, body));
        await using ClientHarness harness = ClientHarness.WithFakes(api, configure: o => o.MaxTransientRetries = 0);

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.GetOrgAsync());

        Assert.Equal((int)status, error.Status);
        Assert.DoesNotContain("ng@example.com", error.Message);
        Assert.DoesNotContain("0123456789abcdef", error.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Created)]
    public async Task GetOrg_ErrorEnvelopeOn2xx_JudgedByBody(HttpStatusCode status)
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json(status, """{"code":"NO_PERMISSION","details":{"permissions":["Crm_Implied_View_Org"]},"message":"permission denied","status":"error"}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.GetOrgAsync());

        Assert.Equal((int)status, error.Status);
        Assert.Equal("NO_PERMISSION", error.Code);
        Assert.Equal("Crm_Implied_View_Org", error.Details!.Value.GetProperty("permissions")[0].GetString());
    }

    [Fact]
    public async Task ListRecords_KeptRecord_IsBackedByItsOwnBytesNotThePage()
    {
        string page = "{\"data\":[" + string.Join(',', Enumerable.Range(0, 200).Select(i => $$"""{"id":"{{3652397000000415000 + i}}","Last_Name":"{{new string('x', 200)}}"}""")) + "],\"info\":{\"more_records\":false}}";
        var api = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, page));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        List<ZohoRecord> records = await harness.Client.ListRecordsAsync("Contacts", ["Last_Name"]).ToListAsync();

        Assert.Equal(200, records.Count);
        Assert.All(records, r => Assert.True(JsonBacking.BytesOf(r.Data) <= r.Data.GetRawText().Length, "a kept record pins its page"));
        Assert.Equal(new string('x', 200), records[^1].GetString("Last_Name"));
    }

    [Fact]
    public async Task GetRecord_Record_IsBackedByItsOwnBytes()
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, OneRecord));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        ZohoRecord? record = await harness.Client.GetRecordAsync("Contacts", "3652397000000415002");

        Assert.True(JsonBacking.BytesOf(record!.Data) <= record.Data.GetRawText().Length);
    }

    [Fact]
    public async Task Query_KeptRows_AreBackedByTheirOwnBytes()
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, """{"data":[{"Email":"a@example.org","id":"11"},{"Email":"b@example.org","id":"12"}],"info":{"count":2,"more_records":false}}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        List<ZohoRecord> rows = await harness.Client.QueryAsync(new CoqlQuery("Contacts", ["Email"], CoqlCondition.IsNotNull("Email"))).ToListAsync();

        Assert.Equal(["11", "12"], rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.True(JsonBacking.BytesOf(r.Data) <= r.Data.GetRawText().Length));
    }

    [Fact]
    public async Task Search_ErrorDetails_OutliveTheResponse()
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.BadRequest, """{"code":"INVALID_QUERY","details":{"reason":"Cannot use the restricted field.","api_name":"Email"},"message":"invalid query formed","status":"error"}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.SearchByEmailAsync("Contacts", "a@example.org").ToListAsync().AsTask());

        Assert.Equal("Email", error.Details!.Value.GetProperty("api_name").GetString());
        Assert.True(JsonBacking.BytesOf(error.Details.Value) <= error.Details.Value.GetRawText().Length);
    }

    [Fact]
    public async Task ListRecords_ConnectionDropsMidBody_ThrowsZohoApiException()
    {
        var api = new FakeHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new TruncatedContent(Encoding.UTF8.GetBytes("""{"data":[{"id":"1""")) });
        await using ClientHarness harness = ClientHarness.WithFakes(api, configure: o => o.MaxTransientRetries = 0);

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.ListRecordsAsync("Contacts", ["Email"]).ToListAsync().AsTask());

        Assert.Equal(0, error.Status);
    }

    [Fact]
    public async Task ListRecords_Request_SendsZohoOauthHeaderFieldsAndPaging()
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, OneRecord));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        List<ZohoRecord> records = await harness.Client.ListRecordsAsync("Contacts", ["Last_Name", "Email"]).ToListAsync();

        Assert.Equal("3652397000000415002", Assert.Single(records).Id);
        FakeHandler.RecordedRequest request = Assert.Single(api.Requests);
        Assert.Equal("Zoho-oauthtoken 1000.cached", request.Authorization);
        Assert.Equal("http://127.0.0.1:9/crm/v8/Contacts?fields=Last_Name,Email&per_page=200&page=1", request.Uri.OriginalString);
    }

    [Fact]
    public async Task ListRecords_V8WithoutFields_ThrowsBeforeAnyCall()
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, OneRecord));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        Assert.Throws<ArgumentException>(() => harness.Client.ListRecordsAsync("Contacts", []));
        Assert.Throws<ArgumentException>(() => harness.Client.ListRecordsAsync("Contacts", [.. Enumerable.Range(0, 51).Select(i => "F" + i)]));
        Assert.Equal(0, api.Calls);
    }

    [Fact]
    public async Task SearchByCriteria_InjectionAttempt_IsEscapedThenUrlEncoded()
    {
        var api = new FakeHandler((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        List<ZohoRecord> records = await harness.Client.SearchByCriteriaAsync("Contacts", ZohoSearchCriteria.EqualTo("Email", "a)or(Email:starts_with:b")).ToListAsync();

        Assert.Empty(records);
        string query = Assert.Single(api.Requests).Uri.Query;
        Assert.StartsWith("?criteria=%28Email%3Aequals%3Aa%5C%29or%5C%28Email%3Astarts_with%3Ab%29&", query);
    }

    [Fact]
    public async Task SearchByEmail_Email_IsUrlEncoded()
    {
        var api = new FakeHandler((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        await harness.Client.SearchByEmailAsync("Contacts", "a+b&x=y@example.com").ToListAsync();

        Assert.Contains("email=a%2Bb%26x%3Dy%40example.com&", Assert.Single(api.Requests).Uri.OriginalString);
    }

    [Fact]
    public async Task Query_Injection_StaysOneLiteralInBody()
    {
        var api = new FakeHandler((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        await harness.Client.QueryAsync(new CoqlQuery("Contacts", ["Email"], CoqlCondition.Equal("Email", "x' or Email != 'y"))).ToListAsync();

        FakeHandler.RecordedRequest request = Assert.Single(api.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.EndsWith("/crm/v8/coql", request.Uri.OriginalString);
        Assert.Equal("""{"select_query":"select Email from Contacts where Email = \u0027x\u0027\u0027 or Email != \u0027\u0027y\u0027 order by id asc limit 200 offset 0"}""", request.Body);
    }

    [Fact]
    public async Task Throttled_NoRetryAfterHeader_OneRequestAndNoRetryAfter()
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json((HttpStatusCode)429, """{"code":"TOO_MANY_REQUESTS","details":{},"message":"too many","status":"error"}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(api);
        ZohoCrmClient client = harness.Client;

        ZohoThrottledException first = await Assert.ThrowsAsync<ZohoThrottledException>(() => client.GetOrgAsync());
        ZohoThrottledException second = await Assert.ThrowsAsync<ZohoThrottledException>(() => client.GetOrgAsync());

        Assert.Equal(2, api.Calls);
        Assert.Equal("TOO_MANY_REQUESTS", first.Code);
        Assert.Equal(429, first.Status);
        Assert.Null(first.RetryAfter);
        Assert.Null(second.RetryAfter);
        Assert.Equal(2, client.Usage.Throttled);
    }

    [Fact]
    public async Task Throttled_RetryAfterDelta_IsReportedAsSentAndNotWaitedOn()
    {
        var api = new FakeHandler((_, _) =>
        {
            HttpResponseMessage response = FakeHandler.Json((HttpStatusCode)429, """{"code":"TOO_MANY_REQUESTS","details":{},"message":"x","status":"error"}""");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(42));
            return response;
        });
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        ZohoThrottledException error = await Assert.ThrowsAsync<ZohoThrottledException>(() => harness.Client.GetOrgAsync());

        Assert.Equal(TimeSpan.FromSeconds(42), error.RetryAfter);
        Assert.Equal(1, api.Calls);
    }

    [Fact]
    public async Task Throttled_RetryAfterDate_IsTheTimeLeftOnTheClock()
    {
        var clock = ClientHarness.NewClock();
        var api = new FakeHandler((_, _) =>
        {
            HttpResponseMessage response = FakeHandler.Json((HttpStatusCode)429, """{"code":"TOO_MANY_REQUESTS","details":{},"message":"x","status":"error"}""");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(clock.GetUtcNow().AddSeconds(90));
            return response;
        });
        await using ClientHarness harness = ClientHarness.WithFakes(api, time: clock);

        ZohoThrottledException error = await Assert.ThrowsAsync<ZohoThrottledException>(() => harness.Client.GetOrgAsync());

        Assert.Equal(TimeSpan.FromSeconds(90), error.RetryAfter);
        Assert.Equal(1, api.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task Throttled_TooManyRequestsCodeOnOtherStatus_JudgedByBody(HttpStatusCode status)
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json(status, """{"code":"TOO_MANY_REQUESTS","details":{},"message":"x","status":"error"}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        ZohoThrottledException error = await Assert.ThrowsAsync<ZohoThrottledException>(() => harness.Client.GetOrgAsync());

        Assert.Equal((int)status, error.Status);
        Assert.Equal("TOO_MANY_REQUESTS", error.Code);
        Assert.Null(error.RetryAfter);
        Assert.Equal(1, api.Calls);
    }

    [Fact]
    public async Task ScopeMismatch_Coql_NamesRequiredScope()
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.Unauthorized, """{"code":"OAUTH_SCOPE_MISMATCH","details":{},"message":"invalid oauth scope to access this URL","status":"error"}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.QueryAsync(new CoqlQuery("Contacts", ["Email"], CoqlCondition.IsNotNull("Email"))).ToListAsync().AsTask());

        Assert.Equal("OAUTH_SCOPE_MISMATCH", error.Code);
        Assert.Equal(ZohoScopes.CoqlRead, error.RequiredScope);
        Assert.Contains(ZohoScopes.CoqlRead, error.Message);
    }

    [Fact]
    public async Task InvalidToken_RefreshesOnceAndRetriesOnce()
    {
        var api = new FakeHandler((request, _) => request.Headers.GetValues("Authorization").Single() == "Zoho-oauthtoken 1000.cached"
            ? FakeHandler.Json(HttpStatusCode.Unauthorized, """{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}""")
            : FakeHandler.Json(HttpStatusCode.OK, OneRecord));
        var token = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, """{"access_token":"1000.fresh","api_domain":"http://127.0.0.1:9","expires_in":3600}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(api, token);

        ZohoRecord? record = await harness.Client.GetRecordAsync("Contacts", "3652397000000415002");

        Assert.NotNull(record);
        Assert.Equal(2, api.Calls);
        Assert.Equal(1, token.Calls);
    }

    [Fact]
    public async Task InvalidToken_Twice_Throws()
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.Unauthorized, """{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}"""));
        var token = new FakeHandler((_, call) => FakeHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"1000.t{{call}}","api_domain":"http://127.0.0.1:9","expires_in":3600}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(api, token);

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.GetOrgAsync());

        Assert.Equal("INVALID_TOKEN", error.Code);
        Assert.Equal(2, api.Calls);
        Assert.Equal(1, token.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.MultiStatus)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.OK)]
    public async Task DeleteRecords_MixedResults_ReadsEveryEntryAndKeepsFailures(HttpStatusCode status)
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json(status, """
            {"data":[
              {"code":"SUCCESS","details":{"id":"11"},"message":"record deleted","status":"success"},
              {"code":"INVALID_DATA","details":{"id":"12"},"message":"record not deleted","status":"error"},
              {"code":"RECORD_LOCKED","details":{"action":"record_locking","id":"13"},"message":"locked","status":"error"}]}
            """));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        IReadOnlyList<ZohoDeleteResult> results = await harness.Client.DeleteRecordsAsync("Contacts", ["11", "12", "13", "14"]);

        Assert.Equal(4, results.Count);
        Assert.True(results.Single(r => r.Id == "11").Succeeded);
        Assert.Equal("INVALID_DATA", results.Single(r => r.Id == "12").Code);
        Assert.Equal("RECORD_LOCKED", results.Single(r => r.Id == "13").Code);
        Assert.Equal(ZohoDeleteResult.NoResultCode, results.Single(r => r.Id == "14").Code);
        Assert.False(results.Single(r => r.Id == "14").Succeeded);
        Assert.Equal("http://127.0.0.1:9/crm/v8/Contacts?ids=11,12,13,14", Assert.Single(api.Requests).Uri.OriginalString);
    }

    [Fact]
    public async Task DeleteRecords_RequestLevelError_Throws()
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.BadRequest, """{"code":"INVALID_MODULE","details":{},"message":"the module name given seems to be invalid","status":"error"}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.DeleteRecordsAsync("Nope", ["1"]));

        Assert.Equal("INVALID_MODULE", error.Code);
        Assert.Equal(400, error.Status);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, "")]
    [InlineData(HttpStatusCode.InternalServerError, """{"code":"INTERNAL_ERROR","details":{},"message":"Internal Server Error","status":"error"}""")]
    [InlineData(HttpStatusCode.RequestTimeout, "")]
    [InlineData(HttpStatusCode.OK, """{"info":{}}""")]
    [InlineData(HttpStatusCode.OK, "<html>ok</html>")]
    [InlineData(HttpStatusCode.NoContent, "")]
    public async Task DeleteRecords_NoUsableAnswer_SentOnceAndOutcomeUnknown(HttpStatusCode status, string body)
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json(status, body));
        await using ClientHarness harness = ClientHarness.WithFakes(api, configure: o => o.MaxTransientRetries = 3);

        ZohoOutcomeUnknownException error = await Assert.ThrowsAsync<ZohoOutcomeUnknownException>(() => harness.Client.DeleteRecordsAsync("Contacts", ["11", "12"]));

        Assert.Equal(1, api.Calls);
        Assert.Equal((int)status, error.Status);
        Assert.Equal(["11", "12"], error.Ids);
        Assert.Equal("Contacts", error.Module);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, """{"code":"NO_PERMISSION","details":{},"message":"Permission denied to delete","status":"error"}""", "NO_PERMISSION")]
    [InlineData(HttpStatusCode.OK, """{"code":"NO_PERMISSION","details":{},"message":"Permission denied to delete","status":"error"}""", "NO_PERMISSION")]
    [InlineData(HttpStatusCode.BadRequest, "<html>bad request</html>", null)]
    public async Task DeleteRecords_Refused_DefiniteErrorNotUnknown(HttpStatusCode status, string body, string? code)
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json(status, body));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.DeleteRecordsAsync("Contacts", ["11"]));

        Assert.IsNotType<ZohoOutcomeUnknownException>(error);
        Assert.Equal(code, error.Code);
        Assert.Equal(1, api.Calls);
    }

    [Fact]
    public async Task DeleteRecords_ConnectionRefused_NotSentSoNotUnknown()
    {
        var api = new FakeHandler((_, _) => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        await using ClientHarness harness = ClientHarness.WithFakes(api, configure: o => o.MaxTransientRetries = 3);

        ZohoApiException error = await Assert.ThrowsAsync<ZohoApiException>(() => harness.Client.DeleteRecordsAsync("Contacts", ["11"]));

        Assert.IsNotType<ZohoOutcomeUnknownException>(error);
        Assert.Equal(0, error.Status);
        Assert.Equal(1, api.Calls);
    }

    [Fact]
    public async Task DeleteRecords_Throttled_ThrottledNotUnknown()
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json((HttpStatusCode)429, """{"code":"TOO_MANY_REQUESTS","details":{},"message":"x","status":"error"}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        await Assert.ThrowsAsync<ZohoThrottledException>(() => harness.Client.DeleteRecordsAsync("Contacts", ["11"]));
        Assert.Equal(1, api.Calls);
    }

    [Fact]
    public async Task GetOrg_ServerErrorThenOk_ReadIsRetried()
    {
        var api = new FakeHandler((_, call) => call == 1
            ? FakeHandler.Text(HttpStatusCode.BadGateway, "<html>bad gateway</html>")
            : FakeHandler.Json(HttpStatusCode.OK, """{"org":[{"id":"1"}]}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(api, configure: o => o.MaxTransientRetries = 3);

        Assert.Equal("1", (await harness.Client.GetOrgAsync()).Id);
        Assert.Equal(2, api.Calls);
    }

    [Fact]
    public async Task DeleteRecords_MoreThan100Ids_ThrowsBeforeAnyCall()
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, """{"data":[]}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.DeleteRecordsAsync("Contacts", [.. Enumerable.Range(1, 101).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.DeleteRecordsAsync("Contacts", []));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.DeleteRecordsAsync("Contacts", ["1,2"]));
        Assert.Equal(0, api.Calls);
    }

    [Fact]
    public async Task PurgeFromRecycleBin_V2_ThrowsNotSupported()
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, """{"data":[]}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(api, version: ZohoCrmClientOptions.ServiceVersion.V2);

        await Assert.ThrowsAsync<NotSupportedException>(() => harness.Client.PurgeFromRecycleBinAsync(["1"]));
        Assert.Equal(0, api.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.NoContent, "")]
    [InlineData(HttpStatusCode.BadRequest, """{"code":"INVALID_DATA","details":{},"message":"the id given seems to be invalid","status":"error"}""")]
    public async Task GetRecord_Missing_ReturnsNull(HttpStatusCode status, string body)
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json(status, body));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        Assert.Null(await harness.Client.GetRecordAsync("Contacts", "404"));
    }

    [Fact]
    public async Task GetFields_V2Shapes_ParsesPrivacyAndLookup()
    {
        var api = new FakeHandler((_, _) => FakeHandler.Json(HttpStatusCode.OK, """
            {"fields":[
              {"api_name":"Email","data_type":"email","private":{"restricted":true,"type":"High","export":false}},
              {"api_name":"Secondary_Email","data_type":"email","private":null},
              {"api_name":"Account_Name","data_type":"lookup","lookup":{"module":{"api_name":"Accounts","id":"5"}}},
              {"api_name":"Vendor_Name","data_type":"lookup","lookup":{"module":"Vendors"}}]}
            """));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        IReadOnlyList<ZohoField> fields = await harness.Client.GetFieldsAsync("Contacts");

        Assert.True(fields[0].IsEmail && fields[0].IsRestricted);
        Assert.Equal("High", fields[0].Private!.Type);
        Assert.True(fields[1].IsEmail && !fields[1].IsRestricted);
        Assert.Equal("Accounts", fields[2].LookupModule);
        Assert.Equal("Vendors", fields[3].LookupModule);
    }

    [Fact]
    public async Task ServerError_RetriedThenSucceeds()
    {
        var api = new FakeHandler((_, call) => call < 3
            ? FakeHandler.Json(HttpStatusCode.InternalServerError, """{"code":"INTERNAL_ERROR","details":{},"message":"Internal Server Error","status":"error"}""")
            : FakeHandler.Json(HttpStatusCode.OK, """{"org":[{"id":"1","company_name":"Zylker","privacy_settings":false,"license_details":{"paid_type":"enterprise","users_license_purchased":12}}]}"""));
        await using ClientHarness harness = ClientHarness.WithFakes(api);

        ZohoOrg org = await harness.Client.GetOrgAsync();

        Assert.Equal(new ZohoOrg("1", "Zylker", false, "enterprise", 12), org);
        Assert.Equal(3, api.Calls);
        Assert.Equal(1, harness.Client.Usage.Calls);
    }
}
