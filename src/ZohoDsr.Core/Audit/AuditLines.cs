namespace ZohoDsr.Core.Audit;

/// <summary>
/// The lines one activity call writes, each stamped with who wrote it: the activity (<see cref="AuditEntry.Writer"/>) and
/// the orchestration's key of the call (<see cref="AuditEntry.CallId"/>), so that a repeated delivery of the call is seen
/// for what it is. Not thread-safe: one call's work adds its lines in order.
/// </summary>
public sealed class AuditLines(string writer, string? callId, TimeProvider timeProvider)
{
    private readonly List<AuditEntry> _entries = [];

    /// <summary>The subject's keyed hash, put on every line added after it is set.</summary>
    public string? SubjectHash { get; set; }

    public IReadOnlyList<AuditEntry> Entries => _entries;

    public void Add(string action, string? module, int count, string outcome, string? zohoCode = null, IReadOnlyList<string>? recordIds = null)
        => _entries.Add(Create(action, module, count, outcome, zohoCode, recordIds));

    /// <summary>A line stamped like the others but not added: for one the activity writes at once (a delete's intent).</summary>
    public AuditEntry Create(string action, string? module, int count, string outcome, string? zohoCode = null, IReadOnlyList<string>? recordIds = null)
        => new(timeProvider.GetUtcNow(), action, module, count, outcome, zohoCode, recordIds, SubjectHash, writer, callId);
}
