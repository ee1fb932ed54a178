using System.Text;
using System.Text.Json.Nodes;

namespace ZohoCrm.Client.Tests;

/// <summary>
/// Seeded generator of hostile answers: Zoho's own shapes with values of the wrong type, missing or extra keys, huge
/// strings, deep nesting, bytes cut or flipped, invalid UTF-8, HTML and random bytes, under any status and content type.
/// The same seed gives the same cases.
/// </summary>
internal sealed class ZohoBodyFuzzer(int seed)
{
    private static readonly string[] Templates =
    [
        """{"data":[{"id":"3652397000000415002","Last_Name":"Ng","Email":"ng@example.org","Owner":{"name":"Pat","id":"1"}}],"info":{"per_page":200,"count":1,"page":1,"more_records":false}}""",
        """{"org":[{"id":"1","company_name":"Zylker","privacy_settings":true,"license_details":{"paid_type":"enterprise","users_license_purchased":12}}]}""",
        """{"fields":[{"api_name":"Email","data_type":"email","private":{"restricted":true,"type":"High","export":false},"lookup":{"module":{"api_name":"Accounts"}}}]}""",
        """{"related_lists":[{"api_name":"SalesOrders","module":{"api_name":"Sales_Orders"},"display_label":"Sales Orders","visible":true}]}""",
        """{"data":[{"code":"SUCCESS","details":{"id":"11"},"message":"record deleted","status":"success"},{"code":"INVALID_DATA","details":{"id":"12"},"message":"record not deleted","status":"error"}]}""",
        """{"data":[{"id":"11","type":"recycle","deleted_time":"2024-01-01T00:00:00+00:00","deleted_by":{"name":"x","id":"1"}}],"info":{"more_records":false}}""",
        """{"code":"INVALID_QUERY","details":{"api_name":"Email","reason":"Cannot use the restricted field."},"message":"invalid query formed","status":"error"}""",
        """{"access_token":"1000.a","refresh_token":"1000.r","api_domain":"https://www.zohoapis.com","token_type":"Bearer","expires_in":3600}""",
        """{"error":"invalid_code"}""",
    ];

    private static readonly string[] Keys =
    [
        "data", "info", "more_records", "next_page_token", "id", "code", "status", "message", "details", "org", "fields",
        "related_lists", "api_name", "module", "private", "lookup", "license_details", "users_license_purchased", "type",
        "deleted_time", "access_token", "expires_in", "expires_in_sec", "api_domain", "error", "error_description", "reason",
    ];

    private static readonly int[] Statuses = [200, 200, 200, 200, 200, 201, 202, 204, 207, 301, 304, 400, 400, 401, 403, 404, 405, 408, 413, 415, 429, 500, 502, 503, 504];

    private static readonly string?[] ContentTypes = ["application/json", "application/json", "application/json; charset=utf-16", "text/html", "text/plain", "application/octet-stream", null];

    private readonly Random _random = new(seed);

    public FuzzCase Next(int index)
    {
        FuzzAnswer answer = NextAnswer();
        if (_random.Next(5) == 0)
        {
            // A good first page that promises more, then the hostile answer for every later page.
            FuzzAnswer first = FuzzAnswer.Json(200, """{"data":[{"id":"3652397000000415999","Email":"a@example.org"}],"info":{"count":1,"more_records":true,"next_page_token":"t1"}}""");
            return new FuzzCase($"seed {seed} case {index}", [first, answer]);
        }

        return new FuzzCase($"seed {seed} case {index}", [answer]);
    }

    private FuzzAnswer NextAnswer()
    {
        byte[] body = _random.Next(10) switch
        {
            0 => RandomBytes(_random.Next(0, 2_000)),
            1 => Encoding.UTF8.GetBytes("<html><head><title>Error</title></head><body>" + new string('x', _random.Next(0, 5_000)) + "</body></html>"),
            2 => Cut(Encoding.UTF8.GetBytes(Template())),
            3 => Flip(Encoding.UTF8.GetBytes(Mutate(Template()))),
            4 => DeepNesting(),
            5 => InvalidUtf8(Mutate(Template())),
            _ => Encoding.UTF8.GetBytes(Mutate(Template())),
        };
        int status = Statuses[_random.Next(Statuses.Length)];
        return new FuzzAnswer(status, body, ContentTypes[_random.Next(ContentTypes.Length)], _random.Next(20) == 0);
    }

    private string Template() => Templates[_random.Next(Templates.Length)];

    /// <summary>Replaces, removes or adds values at random places of a Zoho-shaped body.</summary>
    private string Mutate(string template)
    {
        JsonNode root = JsonNode.Parse(template)!;
        int edits = _random.Next(1, 4);
        for (int i = 0; i < edits; i++)
        {
            JsonObject target = RandomObject(root);
            string key = _random.Next(3) == 0 ? Keys[_random.Next(Keys.Length)] : target.Select(p => p.Key).DefaultIfEmpty(Keys[0]).ElementAt(_random.Next(Math.Max(1, target.Count)));
            if (_random.Next(6) == 0)
            {
                target.Remove(key);
            }
            else
            {
                target[key] = RandomValue(depth: 0);
            }
        }

        return root.ToJsonString();
    }

    private JsonObject RandomObject(JsonNode root)
    {
        var objects = new List<JsonObject>();
        Collect(root, objects);
        return objects.Count == 0 ? new JsonObject() : objects[_random.Next(objects.Count)];
    }

    private static void Collect(JsonNode? node, List<JsonObject> objects)
    {
        switch (node)
        {
            case JsonObject obj:
                objects.Add(obj);
                foreach (KeyValuePair<string, JsonNode?> property in obj)
                {
                    Collect(property.Value, objects);
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    Collect(item, objects);
                }

                break;
        }
    }

    private JsonNode? RandomValue(int depth)
    {
        int kind = depth > 3 ? _random.Next(7) : _random.Next(10);
        return kind switch
        {
            0 => null,
            1 => JsonValue.Create(_random.Next(2) == 0),
            2 => JsonValue.Create(_random.Next(4) switch { 0 => -1L, 1 => long.MaxValue, 2 => 0L, _ => _random.NextInt64() }),
            3 => JsonValue.Create(_random.Next(3) switch { 0 => 1e308, 1 => -0.5, _ => double.Epsilon }),
            4 => JsonValue.Create(RandomText()),
            5 => JsonValue.Create(_random.Next(20) == 0 ? new string('A', _random.Next(1_000_000, 2_000_000)) : "3652397000000415002"),
            6 => JsonValue.Create(string.Empty),
            7 => new JsonArray([.. Enumerable.Range(0, _random.Next(0, 4)).Select(_ => RandomValue(depth + 1))]),
            _ => RandomJsonObject(depth),
        };
    }

    private JsonObject RandomJsonObject(int depth)
    {
        var obj = new JsonObject();
        for (int i = _random.Next(0, 4); i > 0; i--)
        {
            obj[Keys[_random.Next(Keys.Length)]] = RandomValue(depth + 1);
        }

        return obj;
    }

    private string RandomText()
    {
        string[] pieces = ["a", "'", "\"", "\\", "<script>", "ng@example.org", "https://www.zohoapis.com/crm", "1000.0123456789abcdef0123456789", "\u0000", "\u2028", "é", "😀", " ", ",", "(", ")", ":", "%", "\r\n"];
        var text = new StringBuilder();
        for (int i = _random.Next(0, 12); i > 0; i--)
        {
            text.Append(pieces[_random.Next(pieces.Length)]);
        }

        return text.ToString();
    }

    private byte[] RandomBytes(int length)
    {
        byte[] bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private byte[] Cut(byte[] body) => body[..(body.Length == 0 ? 0 : _random.Next(body.Length))];

    private byte[] Flip(byte[] body)
    {
        for (int i = _random.Next(1, 4); i > 0 && body.Length > 0; i--)
        {
            body[_random.Next(body.Length)] = (byte)_random.Next(256);
        }

        return body;
    }

    private byte[] DeepNesting()
    {
        int depth = _random.Next(2) == 0 ? _random.Next(60, 70) : _random.Next(1_000, 100_000);
        string open = _random.Next(2) == 0 ? "[" : "{\"data\":";
        string close = open == "[" ? "]" : "}";
        string inner = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        return Encoding.UTF8.GetBytes(_random.Next(2) == 0 ? "{\"data\":[" + inner + "],\"info\":{\"more_records\":true}}" : inner);
    }

    private byte[] InvalidUtf8(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        var positions = new List<int>();
        for (int i = 1; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'"' && bytes[i - 1] != (byte)'\\')
            {
                positions.Add(i);
            }
        }

        if (positions.Count == 0)
        {
            return bytes;
        }

        int at = positions[_random.Next(positions.Count)];
        return [.. bytes[..at], 0xC3, 0x28, 0xFF, .. bytes[at..]];
    }
}
