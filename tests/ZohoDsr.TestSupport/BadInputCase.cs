namespace ZohoDsr.TestSupport;

/// <summary>
/// One bad request of the corpus: what is sent, and what each host answers (status, and the key of problem details'
/// <c>errors</c> that names what is wrong). <see cref="FunctionsStatus"/> differs from the local host's only where the
/// Functions platform, which checks the function key itself, lets an unsigned operator call through; null in
/// <see cref="FunctionsStatus"/> with <see cref="LocalOnly"/> marks routes only the local host serves.
/// </summary>
public sealed record BadInputCase(
    string Name,
    string Method,
    string PathAndQuery,
    string? Body,
    string? ContentType,
    SignatureMode Signature,
    int Status,
    string? Field)
{
    public int? FunctionsStatus { get; init; }

    public string? FunctionsField { get; init; }

    public bool LocalOnly { get; init; }

    /// <summary>A raw body (bytes that are not UTF-8 text, or too large to write inline).</summary>
    public byte[]? RawBody { get; init; }

    public byte[] BodyBytes => RawBody ?? (Body is null ? [] : System.Text.Encoding.UTF8.GetBytes(Body));

    public int ExpectedStatus(bool functions) => functions && FunctionsStatus is { } status ? status : Status;

    public string? ExpectedField(bool functions) => functions && FunctionsStatus is not null ? FunctionsField : Field;

    public override string ToString() => Name;
}
