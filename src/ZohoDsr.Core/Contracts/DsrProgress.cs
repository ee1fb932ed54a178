namespace ZohoDsr.Core.Contracts;

/// <summary>The orchestration's custom status: progress a caller can poll (counts only, no personal data).</summary>
public sealed record DsrProgress(
    DsrStatus Status,
    string Phase,
    int ModulesDone,
    int ModulesTotal,
    int RecordsFound,
    int RecordsDeleted,
    int RecordsFailed,
    DateTimeOffset? ApprovalDeadline = null);
