namespace ZohoDsr.Core.Configuration;

/// <summary>Signing of the intake webhook (verified) and of our callback (signed).</summary>
public sealed class WebhookOptions
{
    /// <summary>The shared HMAC secret (a Key Vault reference in Azure; a dev secret printed by the local host).</summary>
    public string SigningSecret { get; set; } = string.Empty;

    /// <summary>The callback's HMAC secret; empty means <see cref="SigningSecret"/>.</summary>
    public string CallbackSigningSecret { get; set; } = string.Empty;

    /// <summary>Timestamps further than this from now are rejected as stale. Default: 5 minutes.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether the webhook's answer carries Durable's management URIs (<c>statusQueryGetUri</c>, <c>sendEventPostUri</c>,
    /// <c>terminatePostUri</c>, <c>purgeHistoryDeleteUri</c>, ...). In Azure those URIs embed the Durable extension's
    /// system key, which opens every instance (inputs with subjects' emails included) to whoever holds it, so the
    /// default is false: the intake system gets <c>id</c> and our own <c>statusUri</c>, which take its function key.
    /// The local host, on loopback without keys, turns it on.
    /// </summary>
    public bool IncludeDurableManagementUris { get; set; }

    /// <summary>Callback delivery attempts before giving up (durable retry). Default: 5.</summary>
    public int CallbackMaxAttempts { get; set; } = 5;
}
