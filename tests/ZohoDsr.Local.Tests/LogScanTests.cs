using ZohoDsr.TestSupport;

namespace ZohoDsr.Local.Tests;

/// <summary>
/// Runs after every other test of the project (xunit runs collections that are not parallel last): no log line captured
/// in this test run, at any level, holds a token, a client secret, a signing secret or a planted subject's email.
/// </summary>
[Collection(LogScan.CollectionName)]
public sealed class LogScanTests
{
    [Fact]
    public void CapturedLines_WholeRun_HoldNoSecretTokenOrSubjectEmail() => LogScan.AssertClean();
}
