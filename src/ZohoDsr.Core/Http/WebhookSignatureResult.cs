namespace ZohoDsr.Core.Http;

/// <summary>The outcome of verifying a webhook signature.</summary>
public enum WebhookSignatureResult
{
    Valid,
    MissingHeaders,
    Malformed,
    Stale,
    Mismatch,
}
