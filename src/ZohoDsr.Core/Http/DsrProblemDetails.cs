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

    /// <summary>
    /// The problems keyed by what they concern: the JSON path of a body field (e.g. <c>subject.email</c>), a route or query
    /// parameter (<c>requestId</c>, <c>orgId</c>), or a header (<c>X-ZohoDsr-Signature</c>, <c>Content-Type</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>409 to approve, reject or cancel: the decision that took effect first, and when.</summary>
    public DsrDecision? Decision { get; init; }

    /// <summary>409 to extend: the extension recorded first.</summary>
    public DsrExtension? Extension { get; init; }
}
