namespace ZohoDsr.Core.Activities;

/// <summary>Join the parts into the request's one export file.</summary>
public sealed record FinalizeExportInput(string OrgId, string RequestId, IReadOnlyList<string> PartNames) : ActivityInput(OrgId, RequestId);
