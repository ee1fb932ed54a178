using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Activities;

/// <summary>POST the signed summary to the intake system's callback URL.</summary>
public sealed record SendCallbackInput(string OrgId, string RequestId, Uri CallbackUrl, DsrResult Summary) : ActivityInput(OrgId, RequestId)
{
    /// <summary>The callback of <paramref name="summary"/>'s request.</summary>
    public static SendCallbackInput Of(Uri callbackUrl, DsrResult summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new SendCallbackInput(summary.OrgId, summary.RequestId, callbackUrl, summary);
    }
}
