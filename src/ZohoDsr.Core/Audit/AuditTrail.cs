using System.Text.Json;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Core.Audit;

/// <summary>
/// A request's audit log read back, each fact once. Activities run at least once: a repeated delivery of one call writes
/// its lines again, with the same writer and <see cref="AuditEntry.CallId"/> (only the time may differ); those lines are
/// kept once. Lines without a call id (written before lines were attributed) are each kept.
/// </summary>
public sealed class AuditTrail
{
    private AuditTrail(AuditLogHeader? header, IReadOnlyList<AuditEntry> entries)
    {
        Header = header;
        Entries = entries;
    }

    /// <summary>The log's first line, or null when it has none.</summary>
    public AuditLogHeader? Header { get; }

    /// <summary>The lines in the order written, repeats of one call's line left out.</summary>
    public IReadOnlyList<AuditEntry> Entries { get; }

    /// <summary>Reads the request's log from the store; an empty trail when there is none.</summary>
    public static async Task<AuditTrail> ReadAsync(IExportStore store, string orgId, string requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        Stream? stream = await store.OpenAuditAsync(orgId, requestId, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return new AuditTrail(null, []);
        }

        var lines = new List<string>();
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                lines.Add(line);
            }
        }

        return Parse(lines);
    }

    /// <summary>The trail of a log's lines (JSON, the header first).</summary>
    public static AuditTrail Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        AuditLogHeader? header = null;
        var entries = new List<AuditEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in lines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using (JsonDocument document = JsonDocument.Parse(line))
            {
                if (document.RootElement.TryGetProperty("kind", out JsonElement kind) && kind.ValueEquals(AuditLogHeader.HeaderKind))
                {
                    header ??= document.RootElement.Deserialize<AuditLogHeader>(DsrJson.Options);
                    continue;
                }
            }

            AuditEntry entry = JsonSerializer.Deserialize<AuditEntry>(line, DsrJson.Options)
                ?? throw new JsonException("An audit line is empty.");
            if (entry.CallId is null || seen.Add(FactKey(entry)))
            {
                entries.Add(entry);
            }
        }

        return new AuditTrail(header, entries);
    }

    /// <summary>The records (module, id) named by lines of <paramref name="action"/> with <paramref name="outcome"/>, each once.</summary>
    public IReadOnlySet<(string Module, string RecordId)> RecordIds(string action, string outcome)
        => Of(action, outcome)
            .SelectMany(e => (e.RecordIds ?? []).Select(id => (e.Module ?? string.Empty, id)))
            .ToHashSet();

    /// <summary>
    /// The records of <paramref name="module"/> that a delete intent names and no later delete line (any other outcome)
    /// answers for, each with the time of its first open intent: a delete call that may have been sent and whose outcome
    /// was never written (the process stopped in between).
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset> OpenDeleteIntents(string module)
    {
        var open = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (AuditEntry entry in Entries.Where(e => string.Equals(e.Action, AuditActions.Delete, StringComparison.Ordinal)
            && string.Equals(e.Module, module, StringComparison.Ordinal)))
        {
            bool intent = string.Equals(entry.Outcome, AuditOutcomes.Intent, StringComparison.Ordinal);
            foreach (string id in entry.RecordIds ?? [])
            {
                if (!intent)
                {
                    open.Remove(id);
                }
                else if (!open.ContainsKey(id))
                {
                    open[id] = entry.At;
                }
            }
        }

        return open;
    }

    /// <summary>The sum of <see cref="AuditEntry.Count"/> over the lines of <paramref name="action"/> with <paramref name="outcome"/>.</summary>
    public int Sum(string action, string outcome) => Of(action, outcome).Sum(e => e.Count);

    private IEnumerable<AuditEntry> Of(string action, string outcome)
        => Entries.Where(e => string.Equals(e.Action, action, StringComparison.Ordinal) && string.Equals(e.Outcome, outcome, StringComparison.Ordinal));

    /// <summary>What makes two lines the same fact: everything but the time.</summary>
    private static string FactKey(AuditEntry entry)
        => JsonSerializer.Serialize(entry with { At = default }, DsrJson.Options);
}
