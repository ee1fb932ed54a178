namespace ZohoDsr.Core.Http;

/// <summary>
/// HMAC-SHA256 signatures over <c>timestamp + "." + raw body</c>, for the intake webhook (verified) and our callback
/// (signed). Verification compares in constant time and rejects timestamps outside the tolerance (default 5 minutes).
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header value <c>sha256={hex}</c> for the body signed at <paramref name="timestamp"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> secret, long timestamp, ReadOnlySpan<byte> body) => throw new NotImplementedException();

    /// <summary>Checks the headers against the body; the result says why when it fails (missing, malformed, stale, mismatch).</summary>
    public static WebhookSignatureResult Verify(ReadOnlySpan<byte> secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
        => throw new NotImplementedException();
}
