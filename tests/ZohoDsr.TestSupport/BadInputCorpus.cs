using System.Globalization;
using System.Text;
using ZohoDsr.Core.Http;

namespace ZohoDsr.TestSupport;

/// <summary>
/// The bad-input corpus over every route of both hosts: malformed JSON, wrong types, missing, extra and repeated fields,
/// invalid, overlong and invisible-character emails, unknown orgs, modules and requests, oversized bodies, bad, missing,
/// stale and replayed signatures, wrong media types, and path tricks in ids. <c>{org}</c> stands for the host's org.
/// Every request id is unknown to the hosts, so a request that got through by mistake would show as a new instance.
/// </summary>
public static class BadInputCorpus
{
    public const string OrgPlaceholder = "{org}";

    private const string Json = "application/json";
    private const string Sig = DsrRoutes.SignatureHeader;
    private const string Ts = DsrRoutes.TimestampHeader;
    private const string Ct = "Content-Type";

    public static IReadOnlyList<BadInputCase> Cases { get; } = Build();

    /// <summary>The cases as xunit theory data (by name, so that a case shows as its own test).</summary>
    public static IEnumerable<object[]> Names(bool functions)
        => Cases.Where(c => !functions || !c.LocalOnly).Select(c => new object[] { c.Name });

    public static BadInputCase Get(string name) => Cases.Single(c => c.Name == name);

    /// <summary>The case's request for a host: org filled in, body, media type and signature headers.</summary>
    public static HttpRequestMessage ToRequest(BadInputCase badCase, string orgId, string secret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(badCase);
        var request = new HttpRequestMessage(new HttpMethod(badCase.Method), badCase.PathAndQuery.Replace(OrgPlaceholder, orgId, StringComparison.Ordinal));
        byte[] body = BodyFor(badCase, orgId);
        if (body.Length > 0 || badCase.ContentType is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = null;
            if (badCase.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation(Ct, badCase.ContentType);
            }
        }

        foreach ((string name, string value) in SignatureHeaders(badCase, body, secret, now))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    public static byte[] BodyFor(BadInputCase badCase, string orgId)
    {
        ArgumentNullException.ThrowIfNull(badCase);
        return badCase.RawBody ?? (badCase.Body is null ? [] : Encoding.UTF8.GetBytes(badCase.Body.Replace(OrgPlaceholder, orgId, StringComparison.Ordinal)));
    }

    /// <summary>The signature headers the case sends.</summary>
    public static IReadOnlyList<(string Name, string Value)> SignatureHeaders(BadInputCase badCase, byte[] body, string secret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(badCase);
        long at = badCase.Signature switch
        {
            SignatureMode.Stale => now.AddHours(-1).ToUnixTimeSeconds(),
            SignatureMode.Future => now.AddMinutes(10).ToUnixTimeSeconds(),
            _ => now.ToUnixTimeSeconds(),
        };
        string stamp = at.ToString(CultureInfo.InvariantCulture);
        string Sign(string key, byte[] bytes) => WebhookSignature.Sign(Encoding.UTF8.GetBytes(key), at, bytes);
        return badCase.Signature switch
        {
            SignatureMode.None => [],
            SignatureMode.WrongSecret => [(Ts, stamp), (Sig, Sign("not-the-secret", body))],
            SignatureMode.Malformed => [(Ts, stamp), (Sig, "sha256=zz")],
            SignatureMode.TimestampText => [(Ts, "yesterday"), (Sig, Sign(secret, body))],
            SignatureMode.SignatureOnly => [(Sig, Sign(secret, body))],
            SignatureMode.OtherBody => [(Ts, stamp), (Sig, Sign(secret, Encoding.UTF8.GetBytes("{\"other\":true}")))],
            _ => [(Ts, stamp), (Sig, Sign(secret, body))],
        };
    }

    private static List<BadInputCase> Build()
    {
        var cases = new List<BadInputCase>();
        string longId = new('r', 101);
        string Webhook(string fields) => "{" + fields + "}";
        string Valid(string extra = "", string email = "corpus@example.com", string requestId = "bad-submit")
            => Webhook($"\"requestId\":\"{requestId}\",\"type\":\"access\",\"subject\":{{\"email\":\"{email}\"}},\"orgId\":\"{OrgPlaceholder}\"{extra}");
        void Submit(string name, string? body, int status, string? field, string? contentType = Json, SignatureMode signature = SignatureMode.Valid)
            => cases.Add(new BadInputCase("submit: " + name, "POST", "/api/dsr", body, contentType, signature, status, field));

        // The webhook: JSON and types.
        Submit("malformed JSON", "{\"requestId\":", 400, "body");
        Submit("not an object", "[]", 400, "body");
        Submit("a JSON string", "\"access\"", 400, "body");
        Submit("empty body", null, 400, "body");
        Submit("nested too deep", new string('[', 40) + new string(']', 40), 400, "body");
        Submit("requestId a number", Webhook($"\"requestId\":7,\"type\":\"access\",\"subject\":{{\"email\":\"a@example.com\"}},\"orgId\":\"{OrgPlaceholder}\""), 400, "requestId");
        Submit("type a number", Valid().Replace("\"access\"", "1", StringComparison.Ordinal), 400, "type");
        Submit("type unknown", Valid().Replace("\"access\"", "\"erase\"", StringComparison.Ordinal), 400, "type");
        Submit("subject a string", Webhook($"\"requestId\":\"r\",\"type\":\"access\",\"subject\":\"a@example.com\",\"orgId\":\"{OrgPlaceholder}\""), 400, "subject");
        Submit("email a number", Webhook($"\"requestId\":\"r\",\"type\":\"access\",\"subject\":{{\"email\":5}},\"orgId\":\"{OrgPlaceholder}\""), 400, "subject.email");
        Submit("requestId missing", Webhook($"\"type\":\"access\",\"subject\":{{\"email\":\"a@example.com\"}},\"orgId\":\"{OrgPlaceholder}\""), 400, "requestId");
        Submit("subject missing", Webhook($"\"requestId\":\"r\",\"type\":\"access\",\"orgId\":\"{OrgPlaceholder}\""), 400, "subject.email");
        Submit("orgId missing", Webhook("\"requestId\":\"r\",\"type\":\"access\",\"subject\":{\"email\":\"a@example.com\"}"), 400, "orgId");
        Submit("orgId unknown", Valid().Replace($"\"{OrgPlaceholder}\"", "\"no-such-org\"", StringComparison.Ordinal), 400, "orgId");
        Submit("extra field", Valid(",\"priority\":\"high\""), 400, "priority");
        Submit("misspelt requireApproval", Valid(",\"requireAproval\":true").Replace("access", "delete", StringComparison.Ordinal), 400, "requireAproval");
        Submit("extra field in subject", Webhook($"\"requestId\":\"r\",\"type\":\"access\",\"subject\":{{\"email\":\"a@example.com\",\"name\":\"Jane\"}},\"orgId\":\"{OrgPlaceholder}\""), 400, "subject.name");
        Submit("orgId twice", Valid(",\"orgId\":\"other\""), 400, "orgId");

        // Emails.
        Submit("email without @", Valid(email: "jane.example.com"), 400, "subject.email");
        Submit("email with two @", Valid(email: "jane@doe@example.com"), 400, "subject.email");
        Submit("email with a display name", Valid(email: "Jane <jane@example.com>"), 400, "subject.email");
        Submit("email list", Valid(email: "a@example.com,b@example.com"), 400, "subject.email");
        Submit("email over 254", Valid(email: new string('a', 60) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com"), 400, "subject.email");
        Submit("email local part over 64", Valid(email: new string('a', 65) + "@example.com"), 400, "subject.email");
        Submit("email with zero-width space", Valid(email: "jane\\u200B@example.com"), 400, "subject.email");
        Submit("email with BOM", Valid(email: "\\uFEFFjane@example.com"), 400, "subject.email");
        Submit("email with right-to-left override", Valid(email: "jane\\u202E@example.com"), 400, "subject.email");
        Submit("email with a control character", Valid(email: "jane\\u0007@example.com"), 400, "subject.email");
        Submit("email with soft hyphen", Valid(email: "ja\\u00ADne@example.com"), 400, "subject.email");
        Submit("email without a dot in the domain", Valid(email: "jane@localhost"), 400, "subject.email");
        Submit("email empty", Valid(email: ""), 400, "subject.email");

        // Modules and delete-only flags.
        Submit("unknown module", Valid(",\"modules\":[\"Nope\"]"), 400, "modules[0]");
        Submit("module not a string", Valid(",\"modules\":[1]"), 400, "modules[0]");
        Submit("modules empty", Valid(",\"modules\":[]"), 400, "modules");
        Submit("modules not an array", Valid(",\"modules\":\"Contacts\""), 400, "modules");
        Submit("module twice", Valid(",\"modules\":[\"Contacts\",\"contacts\"]"), 400, "modules[1]");
        Submit("dryRun on access", Valid(",\"dryRun\":true"), 400, "dryRun");
        Submit("requireApproval a string", Valid(",\"requireApproval\":\"yes\"").Replace("access", "delete", StringComparison.Ordinal), 400, "requireApproval");
        Submit("callbackUrl plain http", Valid(",\"callbackUrl\":\"http://intake.example.com/cb\""), 400, "callbackUrl");
        Submit("callbackUrl metadata address", Valid(",\"callbackUrl\":\"https://169.254.169.254/latest\""), 400, "callbackUrl");
        Submit("receivedAt in the future", Valid(",\"receivedAt\":\"2999-01-01T00:00:00Z\""), 400, "receivedAt");
        Submit("receivedAt unreadable", Valid(",\"receivedAt\":\"last week\""), 400, "receivedAt");
        Submit("receivedAt without offset", Valid(",\"receivedAt\":\"2026-01-01T10:00:00\""), 400, "receivedAt");
        Submit("regime unknown", Valid(",\"regime\":\"hipaa\""), 400, "regime");

        // Ids with path tricks.
        Submit("requestId ..", Valid(requestId: ".."), 400, "requestId");
        Submit("requestId with a slash", Valid(requestId: "a/b"), 400, "requestId");
        Submit("requestId with %2F", Valid(requestId: "a%2Fb"), 400, "requestId");
        Submit("requestId over 100", Valid(requestId: longId), 400, "requestId");
        Submit("requestId with a backslash", Valid(requestId: "a\\\\b"), 400, "requestId");
        Submit("requestId non-ASCII", Valid(requestId: "r\\u00E9q"), 400, "requestId");

        // Size, media type, signature.
        cases.Add(new BadInputCase("submit: body over 64 KiB", "POST", "/api/dsr", null, Json, SignatureMode.Valid, 413, "body")
        {
            RawBody = Encoding.UTF8.GetBytes("{\"requestId\":\"r\",\"pad\":\"" + new string('x', 70 * 1024) + "\"}"),
        });
        Submit("text/plain", Valid(), 415, Ct, "text/plain");
        Submit("form", "requestId=r&type=access", 415, Ct, "application/x-www-form-urlencoded");
        Submit("no media type", Valid(), 415, Ct, null);
        Submit("JSON in latin1", Valid(), 415, Ct, "application/json; charset=iso-8859-1");
        Submit("unsigned", Valid(), 401, Sig, signature: SignatureMode.None);
        Submit("wrong secret", Valid(), 401, Sig, signature: SignatureMode.WrongSecret);
        Submit("stale signature", Valid(), 401, Ts, signature: SignatureMode.Stale);
        Submit("signed in the future", Valid(), 401, Ts, signature: SignatureMode.Future);
        Submit("malformed signature", Valid(), 401, Sig, signature: SignatureMode.Malformed);
        Submit("timestamp not a number", Valid(), 401, Ts, signature: SignatureMode.TimestampText);
        Submit("signature without timestamp", Valid(), 401, Ts, signature: SignatureMode.SignatureOnly);
        Submit("signature of another body", Valid(), 401, Sig, signature: SignatureMode.OtherBody);
        Submit("replayed signature", Valid().Replace($"\"{OrgPlaceholder}\"", "\"no-such-org\"", StringComparison.Ordinal), 401, Sig, signature: SignatureMode.Replayed);

        // The list.
        void List(string name, string query, string field) => cases.Add(new BadInputCase("list: " + name, "GET", "/api/dsr" + query, null, null, SignatureMode.None, 400, field));
        List("no orgId", string.Empty, "orgId");
        List("unknown org", "?orgId=no-such-org", "orgId");
        List("unknown status", $"?orgId={OrgPlaceholder}&status=done", "status");
        List("unreadable dueBefore", $"?orgId={OrgPlaceholder}&dueBefore=soon", "dueBefore");
        List("pageSize 0", $"?orgId={OrgPlaceholder}&pageSize=0", "pageSize");
        List("pageSize 1000", $"?orgId={OrgPlaceholder}&pageSize=1000", "pageSize");
        List("pageSize negative", $"?orgId={OrgPlaceholder}&pageSize=-1", "pageSize");
        List("continuationToken forged", $"?orgId={OrgPlaceholder}&continuationToken=eyJ4IjoxfQ.AAAA", "continuationToken");

        // The status.
        void Status(string name, string path, int status, string field) => cases.Add(new BadInputCase("status: " + name, "GET", path, null, null, SignatureMode.None, status, field));
        Status("no orgId", "/api/dsr/bad-status", 400, "orgId");
        Status("unknown org", "/api/dsr/bad-status?orgId=no-such-org", 400, "orgId");
        Status("unknown request", $"/api/dsr/bad-status?orgId={OrgPlaceholder}", 404, "requestId");
        Status("requestId over 100", $"/api/dsr/{longId}?orgId={OrgPlaceholder}", 400, "requestId");
        Status("requestId with %2F", $"/api/dsr/a%2Fb?orgId={OrgPlaceholder}", 400, "requestId");
        // Kestrel refuses a NUL in the path itself, before any route (a bare 400); the Functions host hands it to the function.
        cases.Add(new BadInputCase("status: requestId with %00", "GET", $"/api/dsr/a%00b?orgId={OrgPlaceholder}", null, null, SignatureMode.None, 400, null)
        {
            FunctionsStatus = 400,
            FunctionsField = "requestId",
        });
        Status("requestId with a space", $"/api/dsr/a%20b?orgId={OrgPlaceholder}", 400, "requestId");
        Status("requestId .-prefixed", $"/api/dsr/.hidden?orgId={OrgPlaceholder}", 400, "requestId");

        // Approve, reject, cancel: unsigned calls pass the Functions host (its platform checked the function key) and then
        // find no such request.
        void Decision(string route, string method, string name, string? body, string? contentType, SignatureMode signature, int status, string? field, string requestId = "bad-decision")
        {
            string path = route == "cancel" ? $"/api/dsr/{requestId}?orgId={OrgPlaceholder}" : $"/api/dsr/{requestId}/{route}?orgId={OrgPlaceholder}";
            bool unsigned = signature == SignatureMode.None;
            cases.Add(new BadInputCase($"{route}: {name}", method, path, body, contentType, signature, status, field)
            {
                FunctionsStatus = unsigned && status == 401 ? 404 : null,
                FunctionsField = unsigned && status == 401 ? "requestId" : null,
            });
        }

        foreach ((string route, string method) in new[] { ("approve", "POST"), ("reject", "POST"), ("cancel", "DELETE") })
        {
            Decision(route, method, "unsigned", null, null, SignatureMode.None, 401, Sig);
            Decision(route, method, "wrong secret", null, null, SignatureMode.WrongSecret, 401, Sig);
            Decision(route, method, "stale signature", null, null, SignatureMode.Stale, 401, Ts);
            Decision(route, method, "replayed signature", null, null, SignatureMode.Replayed, 401, Sig);
            Decision(route, method, "text/plain body", "approve it", "text/plain", SignatureMode.None, 415, Ct);
            Decision(route, method, "form body", "reason=x", "application/x-www-form-urlencoded", SignatureMode.Valid, 415, Ct);
            Decision(route, method, "body without media type", "{\"reason\":\"x\"}", null, SignatureMode.Valid, 415, Ct);
            Decision(route, method, "malformed JSON", "{\"reason\":", Json, SignatureMode.Valid, 400, "body");
            Decision(route, method, "extra field", "{\"reason\":\"x\",\"by\":\"me\"}", Json, SignatureMode.Valid, 400, "by");
            Decision(route, method, "reason not a string", "{\"reason\":1}", Json, SignatureMode.Valid, 400, "reason");
            Decision(route, method, "unknown request", null, null, SignatureMode.Valid, 404, "requestId");
            Decision(route, method, "requestId over 100", null, null, SignatureMode.Valid, 400, "requestId", longId);
        }

        Decision("approve", "POST", "unknown org", null, null, SignatureMode.Valid, 400, "orgId");
        cases[^1] = cases[^1] with { PathAndQuery = "/api/dsr/bad-decision/approve?orgId=no-such-org" };
        Decision("reject", "POST", "no orgId", null, null, SignatureMode.Valid, 400, "orgId");
        cases[^1] = cases[^1] with { PathAndQuery = "/api/dsr/bad-decision/reject" };
        Decision("approve", "POST", "reason with invisible characters", "{\"reason\":\"ok\\u200B\"}", Json, SignatureMode.Valid, 400, "reason");
        Decision("cancel", "DELETE", "body over 64 KiB", "{\"reason\":\"" + new string('x', 70 * 1024) + "\"}", Json, SignatureMode.Valid, 413, "body");

        // Extend.
        void Extend(string name, string? body, string? contentType, SignatureMode signature, int status, string? field)
            => cases.Add(new BadInputCase("extend: " + name, "POST", $"/api/dsr/bad-extend/extend?orgId={OrgPlaceholder}", body, contentType, signature, status, field)
            {
                FunctionsStatus = signature == SignatureMode.None && status == 401 ? 404 : null,
                FunctionsField = signature == SignatureMode.None && status == 401 ? "requestId" : null,
            });
        Extend("unsigned", "{\"reason\":\"x\"}", Json, SignatureMode.None, 401, Sig);
        Extend("wrong secret", "{\"reason\":\"x\"}", Json, SignatureMode.WrongSecret, 401, Sig);
        Extend("no body", null, Json, SignatureMode.Valid, 400, "reason");
        Extend("no media type", "{\"reason\":\"x\"}", null, SignatureMode.Valid, 415, Ct);
        Extend("text/plain", "more time", "text/plain", SignatureMode.Valid, 415, Ct);
        Extend("reason missing", "{}", Json, SignatureMode.Valid, 400, "reason");
        Extend("reason blank", "{\"reason\":\"  \"}", Json, SignatureMode.Valid, 400, "reason");
        Extend("reason over 1000", "{\"reason\":\"" + new string('x', 1001) + "\"}", Json, SignatureMode.Valid, 400, "reason");
        Extend("by a string", "{\"reason\":\"x\",\"by\":\"2 months\"}", Json, SignatureMode.Valid, 400, "by");
        Extend("by in weeks", "{\"reason\":\"x\",\"by\":{\"count\":2,\"unit\":\"weeks\"}}", Json, SignatureMode.Valid, 400, "by.unit");
        Extend("by zero", "{\"reason\":\"x\",\"by\":{\"count\":0,\"unit\":\"days\"}}", Json, SignatureMode.Valid, 400, "by.count");
        Extend("by fractional", "{\"reason\":\"x\",\"by\":{\"count\":1.5,\"unit\":\"months\"}}", Json, SignatureMode.Valid, 400, "by.count");
        Extend("extra field", "{\"reason\":\"x\",\"until\":\"2027-01-01\"}", Json, SignatureMode.Valid, 400, "until");
        Extend("unknown request", "{\"reason\":\"x\"}", Json, SignatureMode.Valid, 404, "requestId");

        // Durable's management routes (local host only; in Azure the extension serves them behind its system key).
        void Management(string name, string method, string path, string? body, string? contentType, SignatureMode signature, int status, string? field)
            => cases.Add(new BadInputCase("management: " + name, method, "/runtime/webhooks/durabletask/instances/dsr-0000" + path, body, contentType, signature, status, field) { LocalOnly = true });
        Management("raiseEvent unsigned", "POST", "/raiseEvent/Approval", "{\"approved\":true}", Json, SignatureMode.None, 401, Sig);
        Management("raiseEvent wrong secret", "POST", "/raiseEvent/Approval", "{\"approved\":true}", Json, SignatureMode.WrongSecret, 401, Sig);
        Management("raiseEvent text/plain", "POST", "/raiseEvent/Approval", "approved", "text/plain", SignatureMode.None, 415, Ct);
        Management("raiseEvent form", "POST", "/raiseEvent/Approval", "approved=true", "application/x-www-form-urlencoded", SignatureMode.Valid, 415, Ct);
        Management("terminate unsigned", "POST", "/terminate?reason=x", null, null, SignatureMode.None, 401, Sig);
        Management("terminate form", "POST", "/terminate", "reason=x", "application/x-www-form-urlencoded", SignatureMode.None, 415, Ct);
        Management("terminate replayed", "POST", "/terminate?reason=x", null, null, SignatureMode.Replayed, 401, Sig);
        Management("suspend unsigned", "POST", "/suspend", null, null, SignatureMode.None, 401, Sig);
        Management("resume unsigned", "POST", "/resume", null, null, SignatureMode.None, 401, Sig);
        Management("resume stale", "POST", "/resume", null, null, SignatureMode.Stale, 401, Ts);
        Management("purge unsigned", "DELETE", string.Empty, null, null, SignatureMode.None, 401, Sig);
        Management("purge text/plain", "DELETE", string.Empty, "x", "text/plain", SignatureMode.Valid, 415, Ct);
        return cases;
    }
}
