
namespace ZohoCrm.Simulator;

/// <summary>The simulator's log messages (event ids 6000-6999).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Zoho CRM simulator started with {count} orgs")]
    public static partial void Started(ILogger logger, int count);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "Injected fault {zohoCode} for org {orgId}")]
    public static partial void FaultInjected(ILogger logger, string orgId, string zohoCode);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Handler failed for org {orgId}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string orgId);
}
