
namespace ZohoDsr.Local;

/// <summary>The local host's log messages (event ids 5000-5999). Ids, counts and statuses only: never an email or a token.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Local host listening; {Count} org(s) configured")]
    public static partial void HostStarted(ILogger logger, int count);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Request {RequestId} of org {OrgId} started as instance {InstanceId}")]
    public static partial void RequestStarted(ILogger logger, string requestId, string orgId, string instanceId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Request {RequestId} of org {OrgId} was canceled by the host's shutdown (status {Status})")]
    public static partial void RequestCanceledOnShutdown(ILogger logger, string requestId, string orgId, string status);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Simulated org {OrgId} seeded with {Count} records")]
    public static partial void SimulatorSeeded(ILogger logger, string orgId, int count);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Request body over {Count} bytes refused with HTTP {Status}")]
    public static partial void BodyTooLarge(ILogger logger, long count, int status);
}
