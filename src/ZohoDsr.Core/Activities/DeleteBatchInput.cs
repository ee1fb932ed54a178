namespace ZohoDsr.Core.Activities;

/// <summary>Delete up to 100 records of one module.</summary>
public sealed record DeleteBatchInput(string OrgId, string RequestId, string Module, IReadOnlyList<string> RecordIds);
