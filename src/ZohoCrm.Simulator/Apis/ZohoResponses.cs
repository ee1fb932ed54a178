using System.Text.Json;

namespace ZohoCrm.Simulator.Apis;

/// <summary>Writes Zoho's JSON bodies and error envelopes straight to the response.</summary>
internal static class ZohoResponses
{
    public const string JsonContentType = "application/json;charset=UTF-8";

    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteJsonAsync(HttpContext http, int status, Action<Utf8JsonWriter> body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = JsonContentType;
        using (var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions))
        {
            body(w);
            w.Flush();
        }

        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    public static Task ErrorAsync(HttpContext http, int status, string code, string message, Action<Utf8JsonWriter>? details = null) =>
        WriteJsonAsync(http, status, w => WriteErrorObject(w, code, message, details));

    public static void WriteErrorObject(Utf8JsonWriter w, string code, string message, Action<Utf8JsonWriter>? details, string status = "error")
    {
        w.WriteStartObject();
        w.WriteString("code", code);
        w.WriteStartObject("details");
        details?.Invoke(w);
        w.WriteEndObject();
        w.WriteString("message", message);
        w.WriteString("status", status);
        w.WriteEndObject();
    }

    public static Task NoContent(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public static Task InvalidUrlAsync(HttpContext http) =>
        ErrorAsync(http, 404, "INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one");

    public static Task InvalidModuleAsync(HttpContext http) =>
        ErrorAsync(http, 400, "INVALID_MODULE", "the module name given seems to be invalid", d => d.WriteNumber("resource_path_index", 0));

    public static Task ScopeMismatchAsync(HttpContext http) =>
        ErrorAsync(http, 401, "OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL");

    public static Task TooManyRequestsAsync(HttpContext http) =>
        ErrorAsync(http, 429, "TOO_MANY_REQUESTS", "Number of API requests per day or the concurrency limit has been exceeded.");

    public static Task RequiredParamMissingAsync(HttpContext http, string param) =>
        ErrorAsync(http, 400, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing", d => d.WriteString("param_name", param));

    public static Task InvalidIdAsync(HttpContext http, int pathIndex) =>
        ErrorAsync(http, 400, "INVALID_DATA", "the id given seems to be invalid", d => d.WriteNumber("resource_path_index", pathIndex));
}
