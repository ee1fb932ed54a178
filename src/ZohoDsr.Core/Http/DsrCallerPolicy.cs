namespace ZohoDsr.Core.Http;

/// <summary>Who may call a route that changes something.</summary>
public enum DsrCallerPolicy
{
    /// <summary>Only a signed request (the intake webhook, whatever key the host checked).</summary>
    Signature,

    /// <summary>A signed request, or a caller with a key (the function key in Azure, <c>ZohoDsr:Http:OperatorKey</c> locally).</summary>
    SignatureOrKey,
}
