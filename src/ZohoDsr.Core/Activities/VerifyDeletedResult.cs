namespace ZohoDsr.Core.Activities;

/// <summary>The records still present after deletion (reported as failures).</summary>
public sealed record VerifyDeletedResult(string Module, IReadOnlyList<string> StillPresentIds) : ZohoActivityResult;
