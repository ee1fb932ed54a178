using System.Text.Json;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Exports;

namespace ZohoDsr.Core.Http;

/// <summary>
/// The HTTP contract's own records of a request, kept next to its audit log in the export store, each written once
/// (create-if-absent, so of racing writers exactly one wins): its due date (<c>deadline.json</c>, at intake), the one
/// extension (<c>extension.json</c>) and the operator's decision (<c>decision.json</c>). Times, a regime, a decision
/// and an operator's reason: never the subject's email. They go with the export at the retention purge, as the
/// instance history does.
/// </summary>
public sealed class DsrRequestRecords(IExportStore store)
{
    internal const string DeadlineRecordName = "deadline.json";

    public Task<(bool Created, DsrDeadline Stored)> CreateDeadlineAsync(string orgId, string requestId, DsrDeadline deadline, CancellationToken cancellationToken)
        => CreateAsync(orgId, requestId, DeadlineRecordName, deadline, cancellationToken);

    public Task<DsrDeadline?> ReadDeadlineAsync(string orgId, string requestId, CancellationToken cancellationToken)
        => ReadAsync<DsrDeadline>(orgId, requestId, DeadlineRecordName, cancellationToken);

    public Task<(bool Created, DsrExtension Stored)> CreateExtensionAsync(string orgId, string requestId, DsrExtension extension, CancellationToken cancellationToken)
        => CreateAsync(orgId, requestId, DsrExtension.RecordName, extension, cancellationToken);

    public Task<DsrExtension?> ReadExtensionAsync(string orgId, string requestId, CancellationToken cancellationToken)
        => ReadAsync<DsrExtension>(orgId, requestId, DsrExtension.RecordName, cancellationToken);

    public Task<(bool Created, DsrDecision Stored)> CreateDecisionAsync(string orgId, string requestId, DsrDecision decision, CancellationToken cancellationToken)
        => CreateAsync(orgId, requestId, DsrDecision.RecordName, decision, cancellationToken);

    public Task<DsrDecision?> ReadDecisionAsync(string orgId, string requestId, CancellationToken cancellationToken)
        => ReadAsync<DsrDecision>(orgId, requestId, DsrDecision.RecordName, cancellationToken);

    /// <summary>The request's due date with its extension, or null when none was recorded (a request from before due dates were kept).</summary>
    public async Task<DsrDeadlineView?> ReadDeadlineViewAsync(string orgId, string requestId, CancellationToken cancellationToken)
    {
        DsrDeadline? deadline = await ReadDeadlineAsync(orgId, requestId, cancellationToken).ConfigureAwait(false);
        if (deadline is null)
        {
            return null;
        }

        DsrExtension? extension = await ReadExtensionAsync(orgId, requestId, cancellationToken).ConfigureAwait(false);
        return DsrDeadlineView.Of(deadline, extension);
    }

    private async Task<(bool Created, T Stored)> CreateAsync<T>(string orgId, string requestId, string name, T value, CancellationToken cancellationToken)
        where T : class
    {
        ExportRecordWrite write = await store.CreateRecordIfAbsentAsync(
            orgId, requestId, name, BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(value, DsrJson.Options)), cancellationToken).ConfigureAwait(false);
        return (write.Created, write.Created ? value : Deserialize<T>(write.Content, name));
    }

    private async Task<T?> ReadAsync<T>(string orgId, string requestId, string name, CancellationToken cancellationToken)
        where T : class
    {
        BinaryData? content = await store.ReadRecordAsync(orgId, requestId, name, cancellationToken).ConfigureAwait(false);
        return content is null ? null : Deserialize<T>(content, name);
    }

    private static T Deserialize<T>(BinaryData content, string name)
        => JsonSerializer.Deserialize<T>(content.ToMemory().Span, DsrJson.Options)
            ?? throw new InvalidOperationException($"The request's {name} record is empty.");
}
