namespace ZohoDsr.Core.Contracts;

/// <summary>The orchestration's output: the whole outcome of one request (ids and counts, no record contents).</summary>
public sealed record DsrResult
{
    public required string RequestId { get; init; }
    public required string OrgId { get; init; }
    public required DsrRequestType Type { get; init; }
    public required DsrStatus Status { get; init; }
    public bool DryRun { get; init; }
    public IReadOnlyList<ModuleOutcome> Modules { get; init; } = [];
    public IReadOnlyList<RecordOutcome> Records { get; init; } = [];

    /// <summary>Records that are not the subject's but hold the email in free text: for a person to review, never deleted.</summary>
    public IReadOnlyList<Mention> Mentions { get; init; } = [];

    /// <summary>Access: where the export is (a blob URI or a local path).</summary>
    public string? ExportLocation { get; init; }

    /// <summary>Delete: Zoho keeps soft-deleted records in its recycle bin for 60 days, until this date (UTC).</summary>
    public DateTimeOffset? RecycleBinRetainedUntil { get; init; }

    /// <summary>Delete: whether the records were also purged from the recycle bin.</summary>
    public bool RecycleBinPurged { get; init; }

    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public long ApiCalls { get; init; }
    public long CreditsUsed { get; init; }

    /// <summary>The org's GDPR compliance setting (<c>privacy_settings</c>) when resolved; false does not stop a request.</summary>
    public bool? PrivacySettings { get; init; }

    /// <summary>Whether the callback was delivered (null: no callback URL). A failed delivery does not fail the request.</summary>
    public bool? CallbackDelivered { get; init; }

    /// <summary>Why the request failed or was canceled / rejected, without personal data.</summary>
    public string? Error { get; init; }
}
