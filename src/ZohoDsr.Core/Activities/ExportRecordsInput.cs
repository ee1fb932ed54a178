namespace ZohoDsr.Core.Activities;

/// <summary>Fetch these records with all fields (private ones included) and write them as one export part.</summary>
public sealed record ExportRecordsInput(string OrgId, string RequestId, string Module, IReadOnlyList<string> RecordIds, int Part)
    : ActivityInput(OrgId, RequestId);
