namespace ZohoDsr.Core.Audit;

/// <summary>
/// The first line of a request's audit log: which request it belongs to, when it was started, and the salt of every
/// <see cref="AuditEntry.SubjectHash"/> in it (see <see cref="SubjectHash"/>).
/// </summary>
/// <param name="Kind">Always <c>header</c>.</param>
/// <param name="Algorithm">How subject hashes are made: <c>sha256(salt||lower(trim(email)))</c>.</param>
public sealed record AuditLogHeader(string Kind, string OrgId, string RequestId, DateTimeOffset CreatedAt, string Salt, string Algorithm)
{
    public const string HeaderKind = "header";

    public const string HashAlgorithm = "sha256(salt||lower(trim(email)))";
}
