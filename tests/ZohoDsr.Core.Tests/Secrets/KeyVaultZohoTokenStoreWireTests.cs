using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using ZohoCrm.Client;
using ZohoDsr.Core.Secrets;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests.Secrets;

/// <summary>The token store with the real <see cref="SecretClient"/> against a local HTTPS Key Vault endpoint.</summary>
public sealed class KeyVaultZohoTokenStoreWireTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<TokenRequestContext> _tokenRequests = new();
    private LocalKeyVault _vault = null!;
    private HttpClientHandler _handler = null!;

    public async Task InitializeAsync()
    {
        _vault = await LocalKeyVault.StartAsync();
        _handler = _vault.TrustingHandler();
    }

    public async Task DisposeAsync()
    {
        _handler.Dispose();
        await _vault.DisposeAsync();
    }

    [Fact]
    public async Task GetClientSecretAsync_SecretInVault_AnswersTheBearerChallengeAndReadsIt()
    {
        _vault.Seed("zoho-acme-client-secret", "s3cret");

        string? secret = await Store().GetClientSecretAsync("acme");

        Assert.Equal("s3cret", secret);
        Assert.True(_vault.Challenges >= 1);
        TokenRequestContext token = Assert.Single(_tokenRequests);
        Assert.Equal(["https://vault.azure.net/.default"], token.Scopes);
        Assert.Equal(LocalKeyVault.TenantId, token.TenantId);
        Assert.All(_vault.ApiVersions, v => Assert.False(string.IsNullOrEmpty(v)));
    }

    [Fact]
    public async Task GetRefreshTokenAsync_NotInVault_ReturnsNull()
        => Assert.Null(await Store().GetRefreshTokenAsync("acme"));

    [Fact]
    public async Task SetAccessTokenAsync_ThenAnotherInstanceReads_SharesTokenExpiryAndApiDomain()
    {
        DateTimeOffset expires = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds());
        ZohoAccessToken token = new("1000.abc.def", new Uri("https://www.zohoapis.eu/"), expires);

        await Store().SetAccessTokenAsync("acme", token);
        ZohoAccessToken? read = await Store().GetAccessTokenAsync("acme");

        Assert.Equal(token, read);
        Assert.Equal(expires.ToUnixTimeSeconds(), _vault.Stored("zoho-acme-access-token")?["attributes"]?["exp"]?.GetValue<long>());
        Assert.Equal("https://www.zohoapis.eu/", _vault.Stored("zoho-acme-access-token")?["tags"]?[KeyVaultZohoTokenStore.ApiDomainTag]?.GetValue<string>());
    }

    [Fact]
    public async Task GetClientSecretAsync_RepeatedWithinCache_ReadsTheVaultOnce()
    {
        _vault.Seed("zoho-acme-client-secret", "s3cret");
        KeyVaultZohoTokenStore store = Store();

        await store.GetClientSecretAsync("acme");
        await store.GetClientSecretAsync("acme");

        Assert.Equal(1, _vault.Reads);
    }

    private KeyVaultZohoTokenStore Store()
        => new(_vault.Client(_handler, new RecordingCredential(_tokenRequests)), TimeProvider.System);

    private sealed class RecordingCredential(ConcurrentQueue<TokenRequestContext> requests) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            requests.Enqueue(requestContext);
            return new AccessToken(LocalKeyVault.AccessToken, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
            => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
