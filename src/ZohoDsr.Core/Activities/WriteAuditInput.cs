using ZohoDsr.Core.Audit;

namespace ZohoDsr.Core.Activities;

/// <summary>Append the orchestration's own entries to the request's audit log (the subject only as a keyed hash).</summary>
public sealed record WriteAuditInput(string OrgId, string RequestId, IReadOnlyList<AuditEntry> Entries) : ActivityInput(OrgId, RequestId)
{
    /// <summary>The subject's email, when entries should get the subject's keyed hash; never written to the log.</summary>
    public string? SubjectEmail { get; init; }

    public override string ToString() => $"WriteAuditInput {{ OrgId = {OrgId}, RequestId = {RequestId}, Entries = {Entries.Count}, CallId = {CallId} }}";
}
