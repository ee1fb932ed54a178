using Microsoft.Extensions.Logging;

namespace ZohoDsr.Core;

/// <summary>The HTTP contract's operator log messages (event ids 3900-3949).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3900, Level = LogLevel.Information, Message = "DSR request {requestId} for org {orgId}: due date extended")]
    public static partial void DeadlineExtended(ILogger logger, string requestId, string orgId);

    [LoggerMessage(EventId = 3901, Level = LogLevel.Information, Message = "DSR request {requestId} for org {orgId}: decision refused, {status} was decided first")]
    public static partial void DecisionConflict(ILogger logger, string requestId, string orgId, string status);
}
