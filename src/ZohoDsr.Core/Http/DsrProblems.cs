namespace ZohoDsr.Core.Http;

/// <summary>The HTTP contract's problem answers (RFC 9457), each naming in <c>errors</c> the field, parameter or header it concerns.</summary>
public static class DsrProblems
{
    public static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public static DsrHttpResponse Create(int status, string detail, IReadOnlyDictionary<string, string[]>? errors = null, DsrDecision? decision = null, DsrExtension? extension = null)
        => new(
            status,
            new DsrProblemDetails { Title = TitleOf(status), Status = status, Detail = detail, Errors = errors, Decision = decision, Extension = extension },
            DsrProblemDetails.ContentType,
            NoHeaders);

    /// <summary>A problem about one field: <c>errors</c> = { <paramref name="field"/>: [<paramref name="message"/>] }.</summary>
    public static DsrHttpResponse Field(int status, string field, string message, string? detail = null)
        => Create(status, detail ?? message, new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    public static DsrHttpResponse Invalid(IReadOnlyDictionary<string, string[]> errors)
        => Create(400, errors.Count == 1 ? errors.First().Value[0] : "The request has invalid fields; see errors.", errors);

    /// <summary>The reason phrase of a status, as HTTP names it.</summary>
    public static string TitleOf(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        409 => "Conflict",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        503 => "Service Unavailable",
        _ => "Error",
    };
}
