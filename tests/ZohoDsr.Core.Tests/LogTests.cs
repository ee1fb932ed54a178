using ZohoDsr.Tests.Shared;

namespace ZohoDsr.Core.Tests;

public sealed class LogTests
{
    [Fact]
    public void Log_EveryMessage_UsesOnlyAllowedParameterNamesAndFixedStatuses()
        => LoggerMessageRules.Check(typeof(DsrCoreServiceCollectionExtensions).Assembly, 3000, 3999, new Dictionary<string, string>
        {
            // Called only from the HTTP contract (DsrHttpApi), with an enum's name (WebhookSignatureResult, DsrRequestType)
            // or approve/reject; typed when that contract is next reworked.
            ["WebhookSignatureRejected"] = "WebhookSignatureResult name",
            ["RequestStarted"] = "DsrRequestType name",
            ["ApprovalRaised"] = "approve or reject",
        });
}
