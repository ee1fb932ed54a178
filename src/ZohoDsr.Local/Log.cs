using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Local;

/// <summary>The local host's log messages (event ids 5000-5999). Ids, counts and statuses only: never an email or a token.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Local host listening; {Count} org(s) configured")]
    public static partial void HostStarted(ILogger logger, int count);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Request {RequestId} of org {OrgId} left {Status} in the task hub: it resumes when a host starts on the same storage")]
    public static partial void RequestLeftRunning(ILogger logger, string requestId, string orgId, DsrStatus status);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Simulated org {OrgId} seeded with {Count} records")]
    public static partial void SimulatorSeeded(ILogger logger, string orgId, int count);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Request body over {Count} bytes refused with HTTP {Status}")]
    public static partial void BodyTooLarge(ILogger logger, long count, int status);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Durable Task engine started with {Count} durable functions")]
    public static partial void EngineStarted(ILogger logger, int count);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "Durable Task engine stopped")]
    public static partial void EngineStopped(ILogger logger);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Information, Message = "Instance {InstanceId} exists already: nothing started")]
    public static partial void InstanceAlreadyExists(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Warning, Message = "Instance {InstanceId} has a state the host cannot read (status {Status})")]
    public static partial void UnreadableInstance(ILogger logger, string instanceId, DsrRuntimeStatus status);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Debug, Message = "Metrics snapshot refreshed for {Count} orgs")]
    public static partial void MetricsRefreshed(ILogger logger, int count);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Warning, Message = "Metrics snapshot not refreshed")]
    public static partial void MetricsRefreshFailed(ILogger logger, Exception exception);
}
