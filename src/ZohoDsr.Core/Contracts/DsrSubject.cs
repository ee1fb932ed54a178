namespace ZohoDsr.Core.Contracts;

/// <summary>Who the request is about. Only <see cref="Email"/> is supported today; phone and Zoho record ids may follow.</summary>
public sealed record DsrSubject
{
    public string? Email { get; init; }
}
