using ZohoDsr.Core.Audit;

namespace ZohoDsr.Core.Activities;

/// <summary>Append entries to the request's audit log (the subject only as a salted hash).</summary>
public sealed record WriteAuditInput(string OrgId, string RequestId, IReadOnlyList<AuditEntry> Entries);
