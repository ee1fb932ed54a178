using System.Collections.Concurrent;
using System.Text.Json;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Core.Audit;

/// <summary>
/// Appends a request's audit entries as JSON lines to its append-only log in the export store. The log's first line is
/// an <see cref="AuditLogHeader"/> with the request's random salt, created on first use; <see cref="HashSubjectAsync"/>
/// gives the subject's salted hash for entries (the email itself is never written).
/// </summary>
public sealed class AuditWriter(IExportStore store, TimeProvider timeProvider)
{
    private const int MaxCachedSalts = 10_000;

    private readonly ConcurrentDictionary<string, string> _salts = new(StringComparer.Ordinal);

    /// <summary>Appends the entries (after creating the log with its header when needed); returns the log's location.</summary>
    public async Task<string> AppendAsync(string orgId, string requestId, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await GetSaltAsync(orgId, requestId, cancellationToken).ConfigureAwait(false);
        string[] lines = entries.Select(e => JsonSerializer.Serialize(e, DsrJson.Options)).ToArray();
        return await store.AppendAuditAsync(orgId, requestId, lines, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The subject's hash in this request's log (<see cref="SubjectHash"/> with the log's salt).</summary>
    public async Task<string> HashSubjectAsync(string orgId, string requestId, string email, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        string salt = await GetSaltAsync(orgId, requestId, cancellationToken).ConfigureAwait(false);
        return SubjectHash.Compute(salt, email);
    }

    /// <summary>The request's salt (hex), creating the log and its header line when it does not exist yet.</summary>
    public async Task<string> GetSaltAsync(string orgId, string requestId, CancellationToken cancellationToken)
    {
        string key = orgId + "\n" + requestId;
        if (_salts.TryGetValue(key, out string? cached))
        {
            return cached;
        }

        var header = new AuditLogHeader(
            AuditLogHeader.HeaderKind,
            orgId,
            requestId,
            timeProvider.GetUtcNow(),
            Convert.ToHexStringLower(SubjectHash.NewSalt()),
            AuditLogHeader.HashAlgorithm);
        string firstLine = await store.EnsureAuditLogAsync(orgId, requestId, JsonSerializer.Serialize(header, DsrJson.Options), cancellationToken).ConfigureAwait(false);
        AuditLogHeader actual = JsonSerializer.Deserialize<AuditLogHeader>(firstLine, DsrJson.Options)
            ?? throw new InvalidOperationException($"The audit log of request '{requestId}' has no header line.");
        if (_salts.Count >= MaxCachedSalts)
        {
            _salts.Clear();
        }

        _salts[key] = actual.Salt;
        return actual.Salt;
    }
}
