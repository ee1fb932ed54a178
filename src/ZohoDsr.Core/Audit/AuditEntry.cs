namespace ZohoDsr.Core.Audit;

/// <summary>
/// One line of a request's append-only audit log: what was done (<see cref="AuditActions"/>), where, with what outcome
/// (<see cref="AuditOutcomes"/>) and Zoho code, and who wrote it. No email, no field values: the subject appears only as
/// <see cref="SubjectHash"/> (HMAC-SHA256 under a key kept outside the log).
/// </summary>
/// <param name="ZohoCode">Zoho's code (<c>RECORD_LOCKED</c>, ...); for the callback, the status the intake system answered (<c>HTTP 500</c>).</param>
/// <param name="Writer">Who wrote the line: the activity (<see cref="Orchestration.ActivityNames"/>) or the orchestration
/// (<see cref="Orchestration.OrchestrationNames.DsrOrchestration"/>, through the WriteAudit activity).</param>
/// <param name="CallId">
/// The orchestration's key of the activity call that wrote the line (<see cref="Activities.ActivityInput.CallId"/>). Every
/// delivery of one call (Durable runs activities at least once) carries the same key, so a line written again by a repeated
/// delivery is recognised as the same fact (<see cref="AuditTrail"/>).
/// </param>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Action,
    string? Module,
    int Count,
    string Outcome,
    string? ZohoCode = null,
    IReadOnlyList<string>? RecordIds = null,
    string? SubjectHash = null,
    string? Writer = null,
    string? CallId = null);
