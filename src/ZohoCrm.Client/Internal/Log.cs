using Microsoft.Extensions.Logging;

namespace ZohoCrm.Client;

/// <summary>
/// Every log line of the client. Parameters are ids, module names, counts, Zoho codes, statuses and durations only: never
/// a token, secret, email, URL or field value.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Zoho CRM call for org {OrgId} on module {Module} answered HTTP {Status} in {Elapsed}")]
    public static partial void CallCompleted(ILogger logger, string orgId, string? module, int status, TimeSpan elapsed);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Zoho CRM call for org {OrgId} on module {Module} failed with HTTP {Status} {ZohoCode}")]
    public static partial void CallFailed(ILogger logger, string orgId, string? module, int status, string? zohoCode);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Zoho CRM rejected the access token of org {OrgId} (INVALID_TOKEN); refreshing once and retrying")]
    public static partial void AccessTokenRejected(ILogger logger, string orgId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Zoho CRM throttled org {OrgId} on module {Module}: HTTP {Status} {ZohoCode}")]
    public static partial void Throttled(ILogger logger, string orgId, string? module, int status, string? zohoCode);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Zoho CRM answered HTTP {Status} with an unreadable body for org {OrgId} on module {Module}")]
    public static partial void MalformedResponse(ILogger logger, string orgId, string? module, int status);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Zoho CRM call for org {OrgId} on module {Module} got no response ({ZohoCode})")]
    public static partial void TransportFailed(ILogger logger, string orgId, string? module, string zohoCode);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "COQL paging for org {OrgId} on module {Module} reached the offset window after {Count} rows; continuing by id")]
    public static partial void CoqlKeysetContinuation(ILogger logger, string orgId, string module, long count);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Delete for org {OrgId} on module {Module}: {Count} records not deleted")]
    public static partial void DeletePartiallyFailed(ILogger logger, string orgId, string? module, int count);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Obtained a Zoho access token for org {OrgId} in {Elapsed}")]
    public static partial void AccessTokenObtained(ILogger logger, string orgId, TimeSpan elapsed);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Zoho token request for org {OrgId} failed with HTTP {Status} {ZohoCode}")]
    public static partial void TokenRequestFailed(ILogger logger, string orgId, int status, string? zohoCode);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Token request for org {OrgId} refused locally: {Count} token requests in the current window")]
    public static partial void TokenBudgetExhausted(ILogger logger, string orgId, int count);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Zoho's token endpoint throttled org {OrgId} (Access Denied)")]
    public static partial void TokenEndpointThrottled(ILogger logger, string orgId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Exchanged a grant code for org {OrgId}")]
    public static partial void CodeExchanged(ILogger logger, string orgId);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Revoked the refresh token of org {OrgId}")]
    public static partial void RefreshTokenRevoked(ILogger logger, string orgId);
}
