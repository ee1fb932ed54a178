namespace ZohoDsr.Core.Exports;

/// <summary>
/// Where a request's access export, its parts and its append-only audit log live, side by side under
/// <c>{orgId}/{requestId}/</c>: <c>export.json</c>, <c>audit.jsonl</c>, <c>parts/{partName}</c>.
/// <see cref="BlobExportStore"/> in Azure (and Azurite), <see cref="LocalFolderExportStore"/> for the local host.
/// Org ids must be single path segments (no <c>/</c>, <c>\</c>, <c>.</c> or <c>..</c>); request ids follow
/// <see cref="Contracts.DsrRequestId"/>, the rule intake validates.
/// </summary>
public interface IExportStore
{
    /// <summary>Writes (or overwrites, so a retried activity is harmless) one part of a request's export.</summary>
    Task WritePartAsync(string orgId, string requestId, string partName, BinaryData content, CancellationToken cancellationToken);

    /// <summary>Reads one part, or null when it does not exist.</summary>
    Task<BinaryData?> ReadPartAsync(string orgId, string requestId, string partName, CancellationToken cancellationToken);

    /// <summary>Deletes every part of a request (after the export was assembled).</summary>
    Task DeletePartsAsync(string orgId, string requestId, CancellationToken cancellationToken);

    /// <summary>Writes the request's export with <paramref name="write"/> (replacing an earlier one) and returns its location.</summary>
    Task<string> WriteExportAsync(string orgId, string requestId, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken);

    /// <summary>Opens the request's export for reading, or null when there is none.</summary>
    Task<Stream?> OpenExportAsync(string orgId, string requestId, CancellationToken cancellationToken);

    /// <summary>The location (blob URI or file path) the request's export has or will have.</summary>
    string GetExportLocation(string orgId, string requestId);

    /// <summary>
    /// Creates the request's audit log with <paramref name="firstLine"/> when it does not exist yet (of racing creators
    /// exactly one wins) and returns the log's actual first line: the winner's.
    /// </summary>
    Task<string> EnsureAuditLogAsync(string orgId, string requestId, string firstLine, CancellationToken cancellationToken);

    /// <summary>Appends lines (JSON, without line breaks) to the request's audit log; returns the log's location.</summary>
    Task<string> AppendAuditAsync(string orgId, string requestId, IReadOnlyList<string> lines, CancellationToken cancellationToken);

    /// <summary>Opens the request's audit log for reading, or null when there is none.</summary>
    Task<Stream?> OpenAuditAsync(string orgId, string requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a small record of the request (<c>{orgId}/{requestId}/{recordName}</c>, next to the audit log) when it does
    /// not exist yet, atomically: of racing creators exactly one wins, and nobody ever sees half a record. Returns whether
    /// this call created it and the stored content (the winner's). Records are never overwritten; they go with the export
    /// at the retention purge.
    /// </summary>
    Task<ExportRecordWrite> CreateRecordIfAbsentAsync(string orgId, string requestId, string recordName, BinaryData content, CancellationToken cancellationToken);

    /// <summary>Reads a record written by <see cref="CreateRecordIfAbsentAsync"/>, or null when there is none.</summary>
    Task<BinaryData?> ReadRecordAsync(string orgId, string requestId, string recordName, CancellationToken cancellationToken);

    /// <summary>
    /// The retention purge of personal data: deletes the export and its parts of every request whose newest one was
    /// written before <paramref name="cutoff"/> (<c>ZohoDsr:RetentionDays</c>); the audit log stays. Returns how many
    /// requests were purged.
    /// </summary>
    Task<int> DeleteExportsOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the audit logs last written before <paramref name="cutoff"/> (<c>ZohoDsr:AuditRetentionDays</c>, longer than
    /// the exports': the log is the proof that a request was carried out and holds the subject only as a keyed hash).
    /// Returns how many were deleted.
    /// </summary>
    Task<int> DeleteAuditLogsOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
