using ZohoCrm.Simulator;
using ZohoDsr.Tests.Shared;

namespace ZohoCrm.Simulator.Tests;

public sealed class LogTests
{
    [Fact]
    public void Log_EveryMessage_UsesOnlyAllowedParameterNamesAndFixedStatuses()
        => LoggerMessageRules.Check(typeof(SimulatorHost).Assembly, 6000, 6999);
}
