using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Telemetry;

/// <summary>The values of the request type, status and record outcome attributes, and how the contract's enums map onto them.</summary>
public static class DsrTelemetryValues
{
    public const string TypeAccess = "access";
    public const string TypeDelete = "delete";

    public const string StatusCompleted = "completed";
    public const string StatusFailed = "failed";
    public const string StatusCanceled = "canceled";

    public const string OutcomeFound = "found";
    public const string OutcomeDeleted = "deleted";
    public const string OutcomeNotFound = "not_found";
    public const string OutcomeFailed = "failed";
    public const string OutcomeSkippedNotDeletable = "skipped_not_deletable";
    public const string OutcomeSkippedNotSelected = "skipped_not_selected";

    /// <summary>Stands for an org, module or reason that is not a plain token (it could hold personal data), as OpenTelemetry's <c>_OTHER</c>.</summary>
    public const string Other = "_OTHER";

    public static string Of(DsrRequestType type) => type switch
    {
        DsrRequestType.Access => TypeAccess,
        DsrRequestType.Delete => TypeDelete,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown request type."),
    };

    /// <summary>The attribute value of a final status; a request that has not ended has none.</summary>
    public static string Of(DsrStatus status) => status switch
    {
        DsrStatus.Completed => StatusCompleted,
        DsrStatus.Failed => StatusFailed,
        DsrStatus.Canceled => StatusCanceled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Only a final status (Completed, Failed, Canceled) ends a request."),
    };

    public static string Of(RecordOutcomeKind outcome) => outcome switch
    {
        RecordOutcomeKind.Found => OutcomeFound,
        RecordOutcomeKind.Deleted => OutcomeDeleted,
        RecordOutcomeKind.NotFound => OutcomeNotFound,
        RecordOutcomeKind.Failed => OutcomeFailed,
        RecordOutcomeKind.SkippedNotDeletable => OutcomeSkippedNotDeletable,
        RecordOutcomeKind.SkippedNotSelected => OutcomeSkippedNotSelected,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown record outcome."),
    };
}
