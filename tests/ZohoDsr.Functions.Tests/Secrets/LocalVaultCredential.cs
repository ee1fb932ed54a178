using Azure.Core;

namespace ZohoDsr.Functions.Tests.Secrets;

/// <summary>A credential that answers <see cref="LocalKeyVault"/>'s bearer challenge with its token.</summary>
internal sealed class LocalVaultCredential : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        => new(LocalKeyVault.AccessToken, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
