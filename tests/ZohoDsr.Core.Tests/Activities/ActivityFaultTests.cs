using ZohoCrm.Client;
using ZohoDsr.Core.Activities;

namespace ZohoDsr.Core.Tests.Activities;

public sealed class ActivityFaultTests
{
    public static TheoryData<Exception, string> Failures => new()
    {
        { new ZohoApiException(200, "invalid_code", "revoked"), "invalid_code" },
        { new ZohoApiException(401, "OAUTH_SCOPE_MISMATCH", "scope"), "OAUTH_SCOPE_MISMATCH" },
        { new ZohoApiException(503, null, "html"), "HTTP_503" },
        { new ZohoApiException(500, "INTERNAL_ERROR", "boom"), "HTTP_500" },
        { new ZohoApiException(0, null, "connection refused"), "TRANSPORT_ERROR" },
        { new ZohoOutcomeUnknownException(504, null, "lost", "Contacts", ["1"]), "OUTCOME_UNKNOWN" },
        { new ZohoApiException(400, "INVALID_MODULE", "module"), "INVALID_MODULE" },
        { new HttpRequestException("reset"), "TRANSPORT_ERROR" },
        { new TimeoutException(), "TRANSPORT_ERROR" },
        { new InvalidOperationException("bug"), "ACTIVITY_FAILED" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Of_Exception_CodeInZohosSpellingOrOurs(Exception exception, string code)
        => Assert.Equal(code, ActivityFault.Of(exception).Code);

    [Theory]
    [MemberData(nameof(Failures))]
    public void FromFailure_ThrownFaultThroughTheEngine_SameCodeComesBack(Exception exception, string code)
    {
        var thrown = new ActivityFaultException(ActivityFault.Of(exception), exception);

        Assert.Equal(code, ActivityFault.FromFailure(typeof(ActivityFaultException).FullName, thrown.Message).Code);
    }

    [Theory]
    [InlineData("System.IO.IOException", "storage down")]
    [InlineData("ZohoDsr.Core.Activities.ActivityFaultException", "no code here")]
    [InlineData(null, null)]
    public void FromFailure_NotAFaultOfOurs_ActivityFailed(string? errorType, string? message)
        => Assert.Equal(ActivityFaultCodes.ActivityFailed, ActivityFault.FromFailure(errorType, message).Code);

    [Theory]
    [InlineData("invalid_code", true)]
    [InlineData("invalid_client", true)]
    [InlineData("OAUTH_SCOPE_MISMATCH", true)]
    [InlineData("INVALID_TOKEN", false)]
    [InlineData("INTERNAL_ERROR", false)]
    [InlineData(null, false)]
    public void IsPermanent_ZohoCode_OnlyGrantsThatCannotWork(string? code, bool permanent)
        => Assert.Equal(permanent, ActivityFault.IsPermanent(new ZohoApiException(401, code, "m")));

    [Fact]
    public void IsPermanent_Throttle_No()
        => Assert.False(ActivityFault.IsPermanent(new ZohoThrottledException(200, ZohoErrorCodes.InvalidCode, "m", null)));

    [Theory]
    [InlineData("invalid_code", "refresh token revoked: re-authorise org demo")]
    [InlineData("invalid_client", "check the client credentials and data centre of org demo")]
    [InlineData("TRANSPORT_ERROR", "submit the request again")]
    [InlineData("HTTP_503", "Zoho answered HTTP 503 on every attempt")]
    [InlineData("OUTCOME_UNKNOWN", "reconciles what was deleted")]
    [InlineData("RECORD_LOCKED", "Zoho refused the call (RECORD_LOCKED)")]
    public void Advice_Code_SaysWhatToDo(string code, string advice)
        => Assert.Contains(advice, new ActivityFault(code).Advice("demo"), StringComparison.Ordinal);
}
