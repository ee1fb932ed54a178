namespace ZohoDsr.Core.Http;

/// <summary>
/// An error answer of the HTTP contract, RFC 9457 problem details (<c>application/problem+json</c>):
/// <c>{type, title, status, detail, errors: {field: [message]}}</c>.
/// </summary>
public sealed record DsrProblemDetails
{
    public const string ContentType = "application/problem+json";

    public string Type { get; init; } = "about:blank";

    public required string Title { get; init; }

    public required int Status { get; init; }

    public string? Detail { get; init; }

    /// <summary>Validation problems keyed by the JSON path of the field (e.g. <c>subject.email</c>).</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
