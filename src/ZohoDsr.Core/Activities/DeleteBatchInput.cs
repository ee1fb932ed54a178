namespace ZohoDsr.Core.Activities;

/// <summary>
/// Delete up to 100 records of one module. <paramref name="DeletedSince"/> is when the request was received: a record
/// Zoho answers <c>INVALID_DATA</c> for but that its recycle bin shows deleted since then was deleted by this request (an
/// earlier attempt whose answer was lost, or a run resumed after a crash), and is reported deleted.
/// </summary>
public sealed record DeleteBatchInput(string OrgId, string RequestId, string Module, IReadOnlyList<string> RecordIds, DateTimeOffset? DeletedSince = null)
    : ActivityInput(OrgId, RequestId);
