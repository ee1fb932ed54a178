namespace ZohoDsr.Core.Activities;

/// <summary>Check with an exact, immediate query (COQL by id / GET) that these records are gone.</summary>
public sealed record VerifyDeletedInput(string OrgId, string RequestId, string Module, IReadOnlyList<string> RecordIds) : ActivityInput(OrgId, RequestId);
