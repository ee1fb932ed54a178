using ZohoDsr.Functions.Http;
using ZohoDsr.Tests.Shared;

namespace ZohoDsr.Functions.Tests;

public sealed class LogTests
{
    [Fact]
    public void Log_EveryMessage_UsesOnlyAllowedParameterNamesAndFixedStatuses()
        => LoggerMessageRules.Check(typeof(DsrHttpFunctions).Assembly, 4000, 4999);
}
