using ZohoDsr.Tests.Shared;

namespace ZohoDsr.Local.Tests;

public sealed class LogTests
{
    [Fact]
    public void LogMessages_Parameters_OnlyFromTheAllowListEventIdsInTheLocalBlock()
        => LoggerMessageRules.Check(typeof(Log).Assembly, 5000, 5999);
}
