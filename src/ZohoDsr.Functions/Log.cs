using Microsoft.Extensions.Logging;

namespace ZohoDsr.Functions;

/// <summary>The Functions app's log messages (event ids 3000-3999).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Retention purge removed {Count} finished instances")]
    public static partial void InstancesPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Retention purge removed the exports and audit logs of {Count} requests")]
    public static partial void ExportsPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Retention purge stopped with instances left after {Count} rounds")]
    public static partial void PurgeIncomplete(ILogger logger, int count);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Instance {InstanceId} has a state the app cannot read (status {Status})")]
    public static partial void UnreadableInstance(ILogger logger, Exception exception, string instanceId, string status);
}
