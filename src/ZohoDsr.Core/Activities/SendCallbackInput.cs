using ZohoDsr.Core.Contracts;

namespace ZohoDsr.Core.Activities;

/// <summary>POST the signed summary to the intake system's callback URL.</summary>
public sealed record SendCallbackInput(Uri CallbackUrl, DsrResult Summary);
