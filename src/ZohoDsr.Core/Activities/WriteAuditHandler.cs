using ZohoDsr.Core.Audit;

namespace ZohoDsr.Core.Activities;

/// <summary>
/// Appends the orchestration's own entries (approval, callback, summary) to the request's audit log. Entries without a
/// subject hash get one when the input carries the subject's email (<see cref="WriteAuditInput.SubjectEmail"/>).
/// </summary>
public sealed class WriteAuditHandler(AuditWriter audit)
{
    public async Task<WriteAuditResult> HandleAsync(WriteAuditInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        IReadOnlyList<AuditEntry> entries = input.Entries;
        if (!string.IsNullOrWhiteSpace(input.SubjectEmail))
        {
            string hash = await audit.HashSubjectAsync(input.OrgId, input.RequestId, input.SubjectEmail, cancellationToken).ConfigureAwait(false);
            entries = entries.Select(e => e.SubjectHash is null ? e with { SubjectHash = hash } : e).ToList();
        }

        string location = await audit.AppendAsync(input.OrgId, input.RequestId, entries, cancellationToken).ConfigureAwait(false);
        return new WriteAuditResult(location, entries.Count);
    }
}
