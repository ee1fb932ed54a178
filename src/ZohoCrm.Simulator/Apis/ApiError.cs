using System.Text.Json;

namespace ZohoCrm.Simulator.Apis;

/// <summary>A Zoho error answer decided before writing.</summary>
internal sealed record ApiError(int Status, string Code, string Message, Action<Utf8JsonWriter>? Details = null)
{
    public Task WriteAsync(HttpContext http) => ZohoResponses.ErrorAsync(http, Status, Code, Message, Details);

    public static ApiError InvalidData(string param, string message) =>
        new(400, "INVALID_DATA", message, d => d.WriteString("param_name", param));

    public static ApiError Missing(string param) =>
        new(400, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing", d => d.WriteString("param_name", param));
}
