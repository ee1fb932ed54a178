namespace ZohoDsr.Core.Activities;

/// <summary>Permanently delete up to 100 records from the recycle bin (v7+ only).</summary>
public sealed record PurgeRecycleBinInput(string OrgId, string RequestId, IReadOnlyList<string> RecordIds) : ActivityInput(OrgId, RequestId);
