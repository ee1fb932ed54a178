namespace ZohoDsr.Core.Contracts;

/// <summary>One problem with a request: the JSON path of the field (e.g. <c>subject.email</c>) and what is wrong.</summary>
public sealed record DsrValidationError(string Field, string Message);
