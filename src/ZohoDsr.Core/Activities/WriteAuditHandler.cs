using ZohoDsr.Core.Audit;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Appends the orchestration's own entries (what it alone decided: approval, skips, gaps, failure, how the request ended)
/// to the request's audit log. Each entry keeps its writer and gets the call id of this WriteAudit call, so that a
/// repeated delivery (whose entries are the same, time included: the orchestration's clock) is seen as the same lines.
/// Entries without a subject hash get one when the input carries the subject's email (<see cref="WriteAuditInput.SubjectEmail"/>).
/// </summary>
public sealed class WriteAuditHandler(AuditWriter audit)
{
    public async Task<WriteAuditResult> HandleAsync(WriteAuditInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        string? hash = string.IsNullOrWhiteSpace(input.SubjectEmail)
            ? null
            : await audit.HashSubjectAsync(input.OrgId, input.RequestId, input.SubjectEmail, cancellationToken).ConfigureAwait(false);
        List<AuditEntry> entries = input.Entries
            .Select(e => e with { SubjectHash = e.SubjectHash ?? hash, CallId = e.CallId ?? input.CallId })
            .ToList();
        string location = await audit.AppendAsync(input.OrgId, input.RequestId, entries, cancellationToken).ConfigureAwait(false);
        return new WriteAuditResult(location, entries.Count);
    }
}
