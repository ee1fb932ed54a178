namespace ZohoDsr.Core.Telemetry;

/// <summary>
/// Reasons a request failed, as values of <see cref="DsrTelemetryAttributes.ErrorType"/>. Where Zoho's answer is the
/// reason, its error code (<c>RECORD_LOCKED</c>, <c>INVALID_TOKEN</c>) is used instead.
/// </summary>
public static class DsrErrorTypes
{
    /// <summary>Records of the subject could not be deleted, or verification found them still there.</summary>
    public const string RecordsNotDeleted = "records_not_deleted";

    /// <summary>No approval decision arrived before the approval timeout.</summary>
    public const string ApprovalTimeout = "approval_timeout";

    /// <summary>Zoho kept throttling past the attempts allowed.</summary>
    public const string Throttled = "throttled";

    /// <summary>A module could not be searched in full (restricted field, missing scope), so the answer would be incomplete.</summary>
    public const string ModuleUnavailable = "module_unavailable";

    /// <summary>An activity failed for good (after its retries).</summary>
    public const string ActivityFailed = "activity_failed";
}
