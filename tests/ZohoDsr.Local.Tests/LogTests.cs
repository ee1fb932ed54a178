using ZohoDsr.Tests.Shared;

namespace ZohoDsr.Local.Tests;

public sealed class LogTests
{
    [Fact]
    public void LogMessages_Parameters_OnlyFromTheAllowListEventIdsInTheLocalBlock()
        => LoggerMessageRules.Check(typeof(Log).Assembly, 5000, 5999, new Dictionary<string, string>
        {
            // The host's own status names (an enum's name: DsrStatus, DsrRuntimeStatus), passed as text by the hosting code.
            ["RequestLeftRunning"] = "DsrStatus or DsrRuntimeStatus name",
            ["UnreadableInstance"] = "DsrRuntimeStatus name",
        });
}
