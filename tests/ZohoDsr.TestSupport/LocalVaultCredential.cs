using Azure.Core;

namespace ZohoDsr.TestSupport;

/// <summary>A credential that answers <see cref="LocalKeyVault"/>'s bearer challenge with its token.</summary>
public sealed class LocalVaultCredential : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        => new(LocalKeyVault.AccessToken, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
