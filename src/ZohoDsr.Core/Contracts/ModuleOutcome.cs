namespace ZohoDsr.Core.Contracts;

/// <summary>One module's summary: how the subject was looked up there and the counts.</summary>
/// <param name="Module">The module API name.</param>
/// <param name="Method">How records were found: <c>search</c>, <c>coql</c>, <c>scan</c>, <c>related-list</c>, <c>lookup</c>.</param>
public sealed record ModuleOutcome(string Module, string Method, int Found, int Deleted, int NotFound, int Failed, int Skipped);
