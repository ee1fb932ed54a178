using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Audit;

/// <summary>The outcomes of the audit log (<see cref="AuditEntry.Outcome"/>).</summary>
public static class AuditOutcomes
{
    /// <summary>A call or step did what it was asked.</summary>
    public const string Ok = "ok";

    /// <summary>
    /// DeleteBatch: the record ids about to be sent in a delete call, written before it; the call's outcome lines follow.
    /// An intent no outcome line answers (a crash in between) is reconciled by the next delivery of the batch.
    /// </summary>
    public const string Intent = "intent";

    /// <summary>Zoho refused the call for its limits; the orchestration waits and retries (or gives up: <see cref="AuditActions.Failure"/>).</summary>
    public const string Throttled = "throttled";

    /// <summary>A call was refused (with Zoho's code), a record not deleted, or the orchestration gave up on the callback.</summary>
    public const string Failed = "failed";

    /// <summary>ResolveOrg: a module that is not accessible or has no contact lookup.</summary>
    public const string Skipped = "skipped";

    public const string PrivacySettingsOn = "privacy-settings-on";

    public const string PrivacySettingsOff = "privacy-settings-off";

    /// <summary>FindInModule: the module has no email field to look in.</summary>
    public const string NoEmailFields = "no-email-fields";

    /// <summary>FindInModule: COQL said a field is restricted, so the module was scanned.</summary>
    public const string FallbackScan = "fallback-scan";

    /// <summary>FindInModule: Zoho refused COQL <c>like</c> on the email fields, so <c>=</c> was asked (the module is a gap).</summary>
    public const string FallbackEquals = "fallback-equals";

    /// <summary>FindRelated: the related list is unknown, so the module was looked up by COQL.</summary>
    public const string FallbackLookup = "fallback-lookup";

    /// <summary>FindInModule: Search stopped at its 2,000-result cap (<c>LIMIT_REACHED</c>).</summary>
    public const string Partial = "partial";

    /// <summary>FindInModule: the private-field scan is switched off.</summary>
    public const string Disabled = "disabled";

    /// <summary>FindInModule: Zoho hid restricted values even with private fields.</summary>
    public const string RestrictedHidden = "restricted-hidden";

    /// <summary>ExportRecords: records Zoho no longer has.</summary>
    public const string Missing = "missing";

    public const string Deleted = "deleted";

    /// <summary>A record gone before this request deleted it (Zoho's <c>INVALID_DATA</c>), or not in the recycle bin.</summary>
    public const string NotFound = "not-found";

    /// <summary>VerifyDeleted: every record checked is gone.</summary>
    public const string Gone = "gone";

    /// <summary>VerifyDeleted: records still there after their delete.</summary>
    public const string StillPresent = "still-present";

    /// <summary>The orchestration: the API version has no recycle-bin purge.</summary>
    public const string NotSupported = "not-supported";

    /// <summary>SendCallback: the intake system accepted the callback (2xx).</summary>
    public const string Delivered = "delivered";

    /// <summary>SendCallback: the intake system answered with another status (in <see cref="AuditEntry.ZohoCode"/>: <c>HTTP 500</c>).</summary>
    public const string HttpError = "http-error";

    /// <summary>SendCallback: no answer (a network failure).</summary>
    public const string NoAnswer = "no-answer";

    /// <summary>SendCallback: the destination is not allowed; nothing was sent.</summary>
    public const string Refused = "refused";

    public const string Approved = "approved";

    public const string Rejected = "rejected";

    public const string DeadlinePassed = "deadline-passed";

    /// <summary>The orchestration: a module on the deletable list but not selected by the request.</summary>
    public const string NotSelected = "not-selected";

    /// <summary>The orchestration: a module not on the deletable list.</summary>
    public const string NotDeletable = "not-deletable";

    public const string WouldDelete = "would-delete";

    /// <summary>The orchestration: a module that could not be fully searched.</summary>
    public const string Unsearched = "unsearched";

    /// <summary>The orchestration: the request failed because modules could not be fully searched.</summary>
    public const string UnsearchedModules = "unsearched-modules";

    /// <summary>The orchestration: an activity failed on every retry.</summary>
    public const string ActivityFailed = "activity-failed";

    /// <summary>The orchestration: an activity returned nothing.</summary>
    public const string NoResult = "no-result";

    /// <summary>The orchestration: the request completed.</summary>
    public const string Completed = "completed";

    /// <summary>The orchestration: the request was canceled (approval rejected).</summary>
    public const string Canceled = "canceled";

    /// <summary>Every outcome.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Ok, Intent, Throttled, Failed, Skipped, PrivacySettingsOn, PrivacySettingsOff, NoEmailFields, FallbackScan, FallbackEquals, FallbackLookup,
        Partial, Disabled, RestrictedHidden, Missing, Deleted, NotFound, Gone, StillPresent, NotSupported, Delivered, HttpError,
        NoAnswer, Refused, Approved, Rejected, DeadlinePassed, NotSelected, NotDeletable, WouldDelete, Unsearched,
        UnsearchedModules, ActivityFailed, NoResult, Completed, Canceled,
    ];

    /// <summary>The outcome of a request that ended with <paramref name="status"/>.</summary>
    public static string Of(DsrStatus status) => status switch
    {
        DsrStatus.Completed => Completed,
        DsrStatus.Canceled => Canceled,
        _ => Failed,
    };

    /// <summary>The outcome of a record's delete or purge.</summary>
    public static string Of(RecordOutcomeKind kind) => kind switch
    {
        RecordOutcomeKind.Deleted => Deleted,
        RecordOutcomeKind.NotFound => NotFound,
        _ => Failed,
    };
}
