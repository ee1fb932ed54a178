using System.Text.Json.Serialization;

namespace ZohoDsr.Core.Audit;

/// <summary>
/// The first line of a request's audit log: which request it belongs to, when it was started, and which key its
/// <see cref="AuditEntry.SubjectHash"/> values are made with (<see cref="SubjectHash"/>): the key's id, never the key.
/// </summary>
/// <param name="Kind">Always <c>header</c>.</param>
/// <param name="SubjectKeyId">The id of the subject key (<see cref="AuditSubjectKey.KeyId"/>).</param>
/// <param name="Algorithm">How subject hashes are made: <see cref="SubjectHash.Algorithm"/>.</param>
public sealed record AuditLogHeader(string Kind, string OrgId, string RequestId, DateTimeOffset CreatedAt, string? SubjectKeyId, string Algorithm)
{
    public const string HeaderKind = "header";

    /// <summary>The salt of a log started before keyed hashes (<see cref="SubjectHash.LegacySaltedAlgorithm"/>); never written.</summary>
    [JsonInclude]
    public string? Salt { get; private init; }
}
