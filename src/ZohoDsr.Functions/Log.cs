using Microsoft.Extensions.Logging;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Functions;

/// <summary>The Functions app's log messages (event ids 4000-4999).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Retention purge removed {Count} finished instances")]
    public static partial void InstancesPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Retention purge removed the exports of {Count} requests")]
    public static partial void ExportsPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Retention purge removed {Count} audit logs past their retention")]
    public static partial void AuditLogsPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Retention purge stopped with instances left after {Count} rounds")]
    public static partial void PurgeIncomplete(ILogger logger, int count);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Instance {InstanceId} has a state the app cannot read (status {Status})")]
    public static partial void UnreadableInstance(ILogger logger, Exception exception, string instanceId, DsrRuntimeStatus status);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "Metrics snapshot refreshed for {Count} orgs")]
    public static partial void MetricsRefreshed(ILogger logger, int count);
}
