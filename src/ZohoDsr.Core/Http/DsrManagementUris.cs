using System.Text.Json.Serialization;

namespace ZohoDsr.Core.Http;

/// <summary>
/// Durable's check-status payload (<c>id</c>, <c>statusQueryGetUri</c>, <c>sendEventPostUri</c>, <c>terminatePostUri</c>,
/// <c>purgeHistoryDeleteUri</c>, ...), plus our own <c>statusUri</c> with progress.
/// </summary>
public sealed record DsrManagementUris
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    public string? StatusQueryGetUri { get; init; }
    public string? SendEventPostUri { get; init; }
    public string? TerminatePostUri { get; init; }
    public string? PurgeHistoryDeleteUri { get; init; }
    public string? SuspendPostUri { get; init; }
    public string? ResumePostUri { get; init; }

    /// <summary>Our status route: <c>{base}/api/dsr/{requestId}?orgId={orgId}</c>.</summary>
    public required string StatusUri { get; init; }
}
