using Microsoft.Extensions.Logging;
using ZohoCrm.Client;
using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Core;

/// <summary>
/// The HTTP contract's, activities' and stores' log messages (event ids 3000-3099). Parameters come from the allow-list
/// (requestId, orgId, instanceId, module, count, zohoCode, status, elapsed): never an email, token, URL or field value;
/// a <c>status</c> is an HTTP status or a value of a fixed set (an enum), never formatted text.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Caller refused: {status}")]
    public static partial void WebhookSignatureRejected(ILogger logger, DsrCallerRefusal status);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Webhook rejected: {count} invalid fields")]
    public static partial void WebhookInvalid(ILogger logger, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "DSR request {requestId} for org {orgId} accepted as instance {instanceId} ({status})")]
    public static partial void RequestStarted(ILogger logger, string requestId, string orgId, string instanceId, DsrRequestType status);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "DSR request {requestId} for org {orgId} already exists as instance {instanceId}; not started again")]
    public static partial void RequestAlreadyStarted(ILogger logger, string requestId, string orgId, string instanceId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "DSR request {requestId} for org {orgId} reuses the id of instance {instanceId} for a different request")]
    public static partial void RequestIdConflict(ILogger logger, string requestId, string orgId, string instanceId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "DSR request {requestId} for org {orgId}: approval decision {status} sent to instance {instanceId}")]
    public static partial void ApprovalRaised(ILogger logger, string requestId, string orgId, string instanceId, string status);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "DSR request {requestId} for org {orgId}: instance {instanceId} canceled")]
    public static partial void RequestCanceled(ILogger logger, string requestId, string orgId, string instanceId);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "DSR request {requestId}: org {orgId} resolved with {count} modules (API {status})")]
    public static partial void OrgResolved(ILogger logger, string requestId, string orgId, int count, ZohoCrmClientOptions.ServiceVersion status);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "DSR request {requestId}: org {orgId} module {module} skipped ({zohoCode})")]
    public static partial void ModuleUnavailable(ILogger logger, string requestId, string orgId, string module, string? zohoCode);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "DSR request {requestId}: Zoho throttled org {orgId} in module {module} ({zohoCode}); retry after {elapsed}")]
    public static partial void ActivityThrottled(ILogger logger, string requestId, string orgId, string? module, string? zohoCode, TimeSpan? elapsed);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information, Message = "DSR request {requestId}: org {orgId} module {module} has {count} exact matches (by {status})")]
    public static partial void SubjectFound(ILogger logger, string requestId, string orgId, string module, int count, FindMethod status);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Warning, Message = "DSR request {requestId}: org {orgId} module {module} lookup refused ({zohoCode}); falling back")]
    public static partial void LookupFellBack(ILogger logger, string requestId, string orgId, string module, string? zohoCode);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning, Message = "DSR request {requestId}: org {orgId} module {module} has a restricted email field; {count} records not read because the private-field scan is off")]
    public static partial void RestrictedScanSkipped(ILogger logger, string requestId, string orgId, string module, int count);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Warning, Message = "DSR request {requestId}: org {orgId} module {module} hid restricted email values in all {count} records read with private fields; matches there cannot be seen")]
    public static partial void RestrictedValuesHidden(ILogger logger, string requestId, string orgId, string module, int count);

    [LoggerMessage(EventId = 3017, Level = LogLevel.Information, Message = "DSR request {requestId}: org {orgId} module {module} has {count} related records (by {status})")]
    public static partial void RelatedFound(ILogger logger, string requestId, string orgId, string module, int count, FindMethod status);

    [LoggerMessage(EventId = 3018, Level = LogLevel.Warning, Message = "DSR request {requestId}: org {orgId} returned {count} activity rows without a module; they are left out")]
    public static partial void ActivityKindUnknown(ILogger logger, string requestId, string orgId, int count);

    [LoggerMessage(EventId = 3019, Level = LogLevel.Information, Message = "DSR request {requestId}: org {orgId} module {module} exported {count} records")]
    public static partial void ExportPartWritten(ILogger logger, string requestId, string orgId, string module, int count);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "DSR request {requestId}: org {orgId} export finalized with {count} records")]
    public static partial void ExportFinalized(ILogger logger, string requestId, string orgId, int count);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "DSR request {requestId}: org {orgId} module {module} deleted {count} records")]
    public static partial void BatchDeleted(ILogger logger, string requestId, string orgId, string module, int count);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Information, Message = "DSR request {requestId}: org {orgId} module {module} verification found {count} records still present")]
    public static partial void DeletionVerified(ILogger logger, string requestId, string orgId, string module, int count);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Information, Message = "DSR request {requestId}: org {orgId} purged {count} records from the recycle bin")]
    public static partial void RecycleBinPurged(ILogger logger, string requestId, string orgId, int count);

    [LoggerMessage(EventId = 3024, Level = LogLevel.Information, Message = "DSR request {requestId} for org {orgId}: callback delivered (HTTP {status})")]
    public static partial void CallbackDelivered(ILogger logger, string requestId, string orgId, int status);

    [LoggerMessage(EventId = 3025, Level = LogLevel.Warning, Message = "DSR request {requestId} for org {orgId}: callback failed (HTTP {status})")]
    public static partial void CallbackFailed(ILogger logger, string requestId, string orgId, int status);

    [LoggerMessage(EventId = 3026, Level = LogLevel.Warning, Message = "DSR request {requestId} for org {orgId}: callback not sent, its destination is not allowed (internal address, or not https)")]
    public static partial void CallbackRefused(ILogger logger, string requestId, string orgId);

    [LoggerMessage(EventId = 3027, Level = LogLevel.Information, Message = "DSR request {requestId}: org {orgId} module {module} no longer has {count} records to export")]
    public static partial void ExportRecordsMissing(ILogger logger, string requestId, string orgId, string module, int count);

    [LoggerMessage(EventId = 3028, Level = LogLevel.Warning, Message = "DSR request {requestId}: org {orgId} module {module} has {count} records {status}")]
    public static partial void RecordsNotDeleted(ILogger logger, string requestId, string orgId, string module, int count, RecordOutcomeKind status);

    [LoggerMessage(EventId = 3029, Level = LogLevel.Warning, Message = "DSR request {requestId}: org {orgId} could not purge {count} records from the recycle bin")]
    public static partial void RecordsNotPurged(ILogger logger, string requestId, string orgId, int count);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Warning, Message = "DSR request {requestId}: org {orgId} module {module} failed with {zohoCode}")]
    public static partial void ActivityFaulted(ILogger logger, string requestId, string orgId, string? module, string zohoCode);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "DSR request {requestId}: org {orgId} module {module} has {count} records whose delete intent has no outcome; reconciling them")]
    public static partial void DeleteIntentsReconciled(ILogger logger, string requestId, string orgId, string module, int count);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Warning, Message = "DSR request {requestId}: org {orgId} module {module} mention lookup refused ({zohoCode}); mentions not reported for it")]
    public static partial void MentionsSkipped(ILogger logger, string requestId, string orgId, string module, string? zohoCode);
}
