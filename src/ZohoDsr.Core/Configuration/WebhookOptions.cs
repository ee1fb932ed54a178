namespace ZohoDsr.Core.Configuration;

/// <summary>The intake webhook (signature, what its body may hold) and our callback (signature, where it may go).</summary>
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

    /// <summary>
    /// Host names, IP addresses or CIDR networks (<c>intake.corp.example</c>, <c>10.20.0.0/16</c>) a callback may reach
    /// although they are internal (loopback, private, link-local, ...): see <see cref="Callbacks.CallbackAddressPolicy"/>.
    /// Default: none.
    /// </summary>
    public List<string> CallbackAllowedHosts { get; set; } = [];

    /// <summary>
    /// Development only: callbacks may go to loopback addresses (and <c>localhost</c>), over plain HTTP too. The local host
    /// turns it on; never in Azure. Default: false.
    /// </summary>
    public bool AllowLoopbackCallbacks { get; set; }

    /// <summary>
    /// Characters, beyond letters, digits, '.' and RFC 5322's <c>! # $ % &amp; ' * + - / = ? ^ _ ` { | } ~</c>, that the part
    /// of <c>subject.email</c> before '@' may hold (<see cref="Contracts.SubjectEmail"/>), for orgs whose Zoho email fields
    /// hold such addresses (e.g. <c>()</c>). Control and format characters, spaces, '@' and '"' cannot be allowed. Default: none.
    /// </summary>
    public string SubjectEmailExtraCharacters { get; set; } = string.Empty;
}
