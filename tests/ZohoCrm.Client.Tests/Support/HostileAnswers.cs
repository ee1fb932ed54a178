using System.Text;

namespace ZohoCrm.Client.Tests;

/// <summary>Hand-written hostile answers: each names what it tries.</summary>
internal static class HostileAnswers
{
    public static IReadOnlyList<FuzzCase> All { get; } = Build();

    private static List<FuzzCase> Build()
    {
        string huge = new('A', 3_000_000);
        var cases = new List<FuzzCase>
        {
            One("empty 200", 200, string.Empty),
            One("empty 201", 201, string.Empty),
            One("204 with a body", 204, """{"data":[{"id":"1"}]}"""),
            One("304", 304, string.Empty),
            One("JSON null", 200, "null"),
            One("JSON string", 200, "\"ok\""),
            One("JSON number", 200, "42"),
            One("JSON array", 200, "[{\"id\":\"1\"}]"),
            One("byte order mark", 200, "\uFEFF{\"data\":[],\"info\":{\"more_records\":false}}"),
            One("data is a string", 200, """{"data":"Contacts","info":{"more_records":false}}"""),
            One("data items are numbers", 200, """{"data":[1,2,3],"info":{"more_records":false}}"""),
            One("data items are null", 200, """{"data":[null],"info":{"more_records":false}}"""),
            One("id is an object", 200, """{"data":[{"id":{"id":"1"},"Email":["x"]}],"info":{"more_records":false}}"""),
            One("more_records is a string", 200, """{"data":[{"id":"1"}],"info":{"more_records":"yes"}}"""),
            One("info is an array", 200, """{"data":[{"id":"1"}],"info":[true]}"""),
            One("same page forever", 200, """{"data":[{"id":"1"}],"info":{"more_records":true}}"""),
            One("same page and token forever", 200, """{"data":[{"id":"1"}],"info":{"more_records":true,"next_page_token":"t"}}"""),
            One("page token is a number", 200, """{"data":[{"id":"1"}],"info":{"more_records":true,"next_page_token":5}}"""),
            One("page token is huge", 200, "{\"data\":[{\"id\":\"1\"}],\"info\":{\"more_records\":true,\"next_page_token\":\"" + huge + "\"}}"),
            One("rows without ids, more forever", 200, """{"data":[{},{}],"info":{"more_records":true}}"""),
            One("id with a quote", 200, """{"data":[{"id":"1' or id != '0"}],"info":{"more_records":true}}"""),
            One("org is an object", 200, """{"org":{"id":"1"}}"""),
            One("org items are numbers", 200, """{"org":[1]}"""),
            One("licences beyond range", 200, """{"org":[{"id":"1","license_details":{"users_license_purchased":1e300}}]}"""),
            One("licences negative string", 200, """{"org":[{"id":"1","license_details":{"users_license_purchased":"-5"}}]}"""),
            One("fields of wrong types", 200, """{"fields":[{"api_name":5,"private":"x","lookup":[]},{"api_name":"Email","data_type":null,"private":{"restricted":"yes"}}]}"""),
            One("related lists of wrong types", 200, """{"related_lists":[{"api_name":"A","module":7,"visible":"maybe"},"x"]}"""),
            One("delete items of wrong types", 200, """{"data":[{"code":null,"details":"x","status":5},7,{"details":{"id":["1"]}}]}"""),
            One("delete result for more ids than sent", 207, """{"data":[{"code":"SUCCESS","status":"success"},{"code":"SUCCESS","status":"success"},{"code":"SUCCESS","status":"success"},{"code":"SUCCESS","status":"success"}]}"""),
            One("error code is a number", 400, """{"code":5,"status":"error","details":[]}"""),
            One("error envelope on 200", 200, """{"code":"INTERNAL_ERROR","status":"error","message":"boom","details":{}}"""),
            One("throttled on 200", 200, """{"code":"TOO_MANY_REQUESTS","status":"error"}"""),
            One("details of wrong types", 400, """{"code":"INVALID_QUERY","details":{"api_name":{"x":1},"reason":["r"]},"message":null,"status":"error"}"""),
            One("huge message", 400, "{\"code\":\"INVALID_DATA\",\"details\":{},\"message\":\"" + huge + "\",\"status\":\"error\"}"),
            One("huge message of words", 400, "{\"code\":\"INVALID_DATA\",\"details\":{},\"message\":\"" + string.Concat(Enumerable.Repeat("ab@cd ", 400_000)) + "\",\"status\":\"error\"}"),
            One("huge field value", 200, "{\"data\":[{\"id\":\"1\",\"Description\":\"" + huge + "\"}],\"info\":{\"more_records\":false}}"),
            One("deep arrays", 200, new string('[', 100_000) + new string(']', 100_000)),
            One("deep objects", 200, string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)),
            One("just over the depth limit", 200, "{\"data\":[" + new string('[', 64) + new string(']', 64) + "]}"),
            One("HTML on 200", 200, "<html><body>Welcome to Zoho for ng@example.org</body></html>", "text/html"),
            One("HTML on 502", 502, "<html><body>Bad gateway</body></html>", "text/html"),
            One("plain text on 400", 400, "Bad Request", "text/plain"),
            One("401 INVALID_TOKEN forever", 401, """{"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"}"""),
            One("401 without a body", 401, string.Empty),
            One("429 with HTML", 429, "<html>slow down</html>", "text/html"),
            One("redirect with JSON", 302, """{"data":[{"id":"1"}]}"""),
            new("invalid UTF-8 in strings", [new FuzzAnswer(200, [.. Encoding.UTF8.GetBytes("{\"data\":[{\"id\":\"1\",\"Email\":\"a"), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"}],\"code\":\""), 0xFF, .. Encoding.UTF8.GetBytes("\",\"info\":{\"more_records\":false}}")], "application/json", false)]),
            new("invalid UTF-8 in codes", [new FuzzAnswer(400, [.. Encoding.UTF8.GetBytes("{\"code\":\"A"), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\",\"message\":\"m"), 0xC0, .. Encoding.UTF8.GetBytes("\",\"status\":\"error\",\"details\":{}}")], "application/json", false)]),
            new("UTF-16 body", [new FuzzAnswer(200, Encoding.Unicode.GetBytes("""{"data":[{"id":"1"}]}"""), "application/json; charset=utf-16", false)]),
            new("body cut short", [new FuzzAnswer(200, Encoding.UTF8.GetBytes("""{"data":[{"id":"1","""), "application/json", true)]),
            new("good page then HTML", [FuzzAnswer.Json(200, """{"data":[{"id":"3652397000000415999"}],"info":{"more_records":true,"next_page_token":"t1"}}"""), new FuzzAnswer(200, Encoding.UTF8.GetBytes("<html>maintenance</html>"), "text/html", false)]),
            new("good page then 204", [FuzzAnswer.Json(200, """{"data":[{"id":"3652397000000415999"}],"info":{"more_records":true,"next_page_token":"t1"}}"""), new FuzzAnswer(204, [], null, false)]),
        };
        return cases;
    }

    private static FuzzCase One(string name, int status, string body, string? contentType = "application/json")
        => new(name, [new FuzzAnswer(status, Encoding.UTF8.GetBytes(body), contentType, false)]);
}
