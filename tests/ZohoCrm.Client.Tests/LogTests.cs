using ZohoCrm.Client;
using ZohoDsr.Tests.Shared;

namespace ZohoCrm.Client.Tests;

public sealed class LogTests
{
    [Fact]
    public void Log_EveryMessage_UsesOnlyAllowedParameterNamesAndFixedStatuses()
        => LoggerMessageRules.Check(typeof(ZohoCrmClient).Assembly, 1000, 1999);
}
