using System.Collections.Concurrent;
using System.Text.Json;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Core.Audit;

/// <summary>
/// Appends a request's audit entries as JSON lines to its append-only log in the export store. The log's first line is
/// an <see cref="AuditLogHeader"/> naming the subject key's id, created on first use; <see cref="HashSubjectAsync"/> gives
/// the subject's keyed hash for entries (<see cref="SubjectHash"/>; the email itself is never written). A log keeps the
/// key it was started with, also after the key is rotated.
/// </summary>
public sealed class AuditWriter(IExportStore store, IAuditSubjectKeyProvider keys, TimeProvider timeProvider)
{
    private const int MaxCachedHeaders = 10_000;

    private readonly ConcurrentDictionary<string, AuditLogHeader> _headers = new(StringComparer.Ordinal);

    /// <summary>Appends the entries (after creating the log with its header when needed); returns the log's location.</summary>
    public async Task<string> AppendAsync(string orgId, string requestId, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await GetHeaderAsync(orgId, requestId, cancellationToken).ConfigureAwait(false);
        string[] lines = entries.Select(e => JsonSerializer.Serialize(e, DsrJson.Options)).ToArray();
        return await store.AppendAuditAsync(orgId, requestId, lines, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The request's log as written so far (an empty trail when there is none).</summary>
    public Task<AuditTrail> ReadAsync(string orgId, string requestId, CancellationToken cancellationToken)
        => AuditTrail.ReadAsync(store, orgId, requestId, cancellationToken);

    /// <summary>The subject's hash in this request's log (<see cref="SubjectHash"/> with the key the log names).</summary>
    public async Task<string> HashSubjectAsync(string orgId, string requestId, string email, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        AuditLogHeader header = await GetHeaderAsync(orgId, requestId, cancellationToken).ConfigureAwait(false);
        if (header.SubjectKeyId is null)
        {
            return header.Salt is { } salt
                ? SubjectHash.ComputeLegacySalted(salt, email)
                : throw new InvalidOperationException($"The audit log of request '{requestId}' names no subject key.");
        }

        AuditSubjectKey key = await keys.GetKeyAsync(header.SubjectKeyId, cancellationToken).ConfigureAwait(false);
        return SubjectHash.Compute(key.Key, orgId, requestId, email);
    }

    /// <summary>The request's log header, creating the log with a header naming the current key when it does not exist yet.</summary>
    public async Task<AuditLogHeader> GetHeaderAsync(string orgId, string requestId, CancellationToken cancellationToken)
    {
        string cacheKey = orgId + "\n" + requestId;
        if (_headers.TryGetValue(cacheKey, out AuditLogHeader? cached))
        {
            return cached;
        }

        AuditSubjectKey current = await keys.GetCurrentKeyAsync(cancellationToken).ConfigureAwait(false);
        var header = new AuditLogHeader(AuditLogHeader.HeaderKind, orgId, requestId, timeProvider.GetUtcNow(), current.KeyId, SubjectHash.Algorithm);
        string firstLine = await store.EnsureAuditLogAsync(orgId, requestId, JsonSerializer.Serialize(header, DsrJson.Options), cancellationToken).ConfigureAwait(false);
        AuditLogHeader actual = JsonSerializer.Deserialize<AuditLogHeader>(firstLine, DsrJson.Options)
            ?? throw new InvalidOperationException($"The audit log of request '{requestId}' has no header line.");
        if (_headers.Count >= MaxCachedHeaders)
        {
            _headers.Clear();
        }

        _headers[cacheKey] = actual;
        return actual;
    }
}
