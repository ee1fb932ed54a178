using Microsoft.Extensions.Logging;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.RateGate;

namespace ZohoDsr.Core;

/// <summary>The orchestration's log messages (event ids 3800-3899 of the project's 3000 block).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3800, Level = LogLevel.Information, Message = "DSR request {requestId} for org {orgId} started as instance {instanceId}")]
    public static partial void OrchestrationStarted(ILogger logger, string requestId, string orgId, string instanceId);

    [LoggerMessage(EventId = 3801, Level = LogLevel.Information, Message = "DSR request {requestId} for org {orgId} finished: {status}")]
    public static partial void OrchestrationFinished(ILogger logger, string requestId, string orgId, DsrStatus status);

    [LoggerMessage(EventId = 3802, Level = LogLevel.Warning, Message = "DSR request {requestId}: org {orgId} has GDPR compliance (privacy_settings) off; carrying on")]
    public static partial void OrchestrationPrivacySettingsOff(ILogger logger, string requestId, string orgId);

    [LoggerMessage(EventId = 3803, Level = LogLevel.Information, Message = "DSR request {requestId} for org {orgId} awaits approval")]
    public static partial void OrchestrationAwaitingApproval(ILogger logger, string requestId, string orgId);

    [LoggerMessage(EventId = 3804, Level = LogLevel.Information, Message = "DSR request {requestId}: org {orgId} rate gate refused ({status}); waiting")]
    public static partial void OrchestrationGateRefused(ILogger logger, string requestId, string orgId, GateRefusal status);

    [LoggerMessage(EventId = 3805, Level = LogLevel.Information, Message = "DSR request {requestId}: Zoho throttled org {orgId} in module {module} ({zohoCode}); backing off {elapsed}")]
    public static partial void OrchestrationThrottled(ILogger logger, string requestId, string orgId, string module, string zohoCode, TimeSpan elapsed);

    [LoggerMessage(EventId = 3806, Level = LogLevel.Error, Message = "DSR request {requestId} for org {orgId}: activity failed in module {module} ({status})")]
    public static partial void OrchestrationActivityFailed(ILogger logger, string requestId, string orgId, string module, StepFailure status);

    [LoggerMessage(EventId = 3807, Level = LogLevel.Warning, Message = "DSR request {requestId} for org {orgId}: callback not delivered")]
    public static partial void OrchestrationCallbackFailed(ILogger logger, string requestId, string orgId);

    [LoggerMessage(EventId = 3808, Level = LogLevel.Warning, Message = "DSR request {requestId} for org {orgId}: its outcome was not reported to the metrics")]
    public static partial void OrchestrationOutcomeNotReported(ILogger logger, string requestId, string orgId);
}
