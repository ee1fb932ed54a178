namespace ZohoDsr.Core.Audit;

/// <summary>
/// One line of a request's append-only audit log: what was done (search, coql, scan, related, export, delete, verify,
/// purge, approval, callback), where, with what outcome and Zoho code. No email, no field values: the subject appears
/// only as <see cref="SubjectHash"/> (HMAC-SHA256 under a key kept outside the log).
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Action,
    string? Module,
    int Count,
    string Outcome,
    string? ZohoCode = null,
    IReadOnlyList<string>? RecordIds = null,
    string? SubjectHash = null);
