using ZohoDsr.Tests.Shared;

namespace ZohoDsr.Core.Tests;

public sealed class LogTests
{
    [Fact]
    public void Log_EveryMessage_UsesOnlyAllowedParameterNamesAndFixedStatuses()
        => LoggerMessageRules.Check(typeof(DsrCoreServiceCollectionExtensions).Assembly, 3000, 3999, new Dictionary<string, string>
        {
            // The operator's decision as the contract names it: DsrDecision.Approve, Reject or Cancel.
            ["ApprovalRaised"] = "DsrDecision action",
            ["DecisionConflict"] = "DsrDecision action",
        });
}
