using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ZohoCrm.Client;
using ZohoDsr.Core.Secrets;

namespace ZohoDsr.Core.Tests.Secrets;

public sealed class KeyVaultZohoTokenStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly Mock<SecretClient> _client = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly KeyVaultZohoTokenStore _store;

    public KeyVaultZohoTokenStoreTests()
    {
        _store = new KeyVaultZohoTokenStore(_client.Object, _time, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task GetClientSecretAsync_Stored_ReadsTheOrgsSecret()
    {
        Returns("zoho-acme-client-secret", "s3cret");

        Assert.Equal("s3cret", await _store.GetClientSecretAsync("acme"));
    }

    [Fact]
    public async Task GetRefreshTokenAsync_Missing_ReturnsNull()
    {
        _client.Setup(c => c.GetSecretAsync("zoho-acme-refresh-token", null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(404, "A secret with (name/id) zoho-acme-refresh-token was not found in this key vault.", "SecretNotFound", null));

        Assert.Null(await _store.GetRefreshTokenAsync("acme"));
    }

    [Fact]
    public async Task GetClientSecretAsync_Forbidden_Throws()
    {
        _client.Setup(c => c.GetSecretAsync("zoho-acme-client-secret", null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(403, "Caller is not authorized.", "Forbidden", null));

        RequestFailedException failure = await Assert.ThrowsAsync<RequestFailedException>(() => _store.GetClientSecretAsync("acme"));

        Assert.Equal(403, failure.Status);
    }

    [Fact]
    public async Task GetClientSecretAsync_ReadTwiceWithinCache_ReadsKeyVaultOnce()
    {
        Returns("zoho-acme-client-secret", "s3cret");

        await _store.GetClientSecretAsync("acme");
        _time.Advance(TimeSpan.FromSeconds(29));
        await _store.GetClientSecretAsync("acme");

        _client.Verify(c => c.GetSecretAsync("zoho-acme-client-secret", null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task GetClientSecretAsync_AfterCacheDuration_ReadsKeyVaultAgain()
    {
        Returns("zoho-acme-client-secret", "s3cret");

        await _store.GetClientSecretAsync("acme");
        _time.Advance(TimeSpan.FromSeconds(31));
        await _store.GetClientSecretAsync("acme");

        _client.Verify(c => c.GetSecretAsync("zoho-acme-client-secret", null, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task GetClientSecretAsync_ConcurrentCallers_ShareOneRead()
    {
        TaskCompletionSource<Response<KeyVaultSecret>> read = new();
        _client.Setup(c => c.GetSecretAsync("zoho-acme-client-secret", null, It.IsAny<CancellationToken>())).Returns(read.Task);

        Task<string?> first = _store.GetClientSecretAsync("acme");
        Task<string?> second = _store.GetClientSecretAsync("acme");
        read.SetResult(Response.FromValue(SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: "zoho-acme-client-secret"), "s3cret"), Mock.Of<Response>()));

        Assert.All(await Task.WhenAll(first, second), value => Assert.Equal("s3cret", value));
        _client.Verify(c => c.GetSecretAsync("zoho-acme-client-secret", null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SetAccessTokenAsync_Always_StoresExpiryAndApiDomainOnTheSecret()
    {
        KeyVaultSecret? written = null;
        _client.Setup(c => c.SetSecretAsync(It.IsAny<KeyVaultSecret>(), It.IsAny<CancellationToken>()))
            .Callback((KeyVaultSecret secret, CancellationToken _) => written = secret)
            .ReturnsAsync((KeyVaultSecret secret, CancellationToken _) => Response.FromValue(secret, Mock.Of<Response>()));
        ZohoAccessToken token = new("1000.abc.def", new Uri("https://www.zohoapis.eu"), Now.AddHours(1));

        await _store.SetAccessTokenAsync("Acme", token);

        Assert.NotNull(written);
        Assert.Equal("zoho-acme-access-token", written.Name);
        Assert.Equal("1000.abc.def", written.Value);
        Assert.Equal(Now.AddHours(1), written.Properties.ExpiresOn);
        Assert.Equal("https://www.zohoapis.eu/", written.Properties.Tags[KeyVaultZohoTokenStore.ApiDomainTag]);
    }

    [Fact]
    public async Task GetAccessTokenAsync_Stored_ReadsTokenExpiryAndApiDomain()
    {
        KeyVaultSecret secret = SecretModelFactory.KeyVaultSecret(
            new SecretProperties("zoho-acme-access-token") { ExpiresOn = Now.AddMinutes(50) }, "1000.abc.def");
        secret.Properties.Tags[KeyVaultZohoTokenStore.ApiDomainTag] = "https://www.zohoapis.eu/";
        _client.Setup(c => c.GetSecretAsync("zoho-acme-access-token", null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(secret, Mock.Of<Response>()));

        ZohoAccessToken? token = await _store.GetAccessTokenAsync("acme");

        Assert.Equal(new ZohoAccessToken("1000.abc.def", new Uri("https://www.zohoapis.eu/"), Now.AddMinutes(50)), token);
    }

    [Fact]
    public async Task GetAccessTokenAsync_NoApiDomainTag_ReturnsNull()
    {
        _client.Setup(c => c.GetSecretAsync("zoho-acme-access-token", null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(
                SecretModelFactory.KeyVaultSecret(new SecretProperties("zoho-acme-access-token") { ExpiresOn = Now.AddMinutes(50) }, "1000.abc"),
                Mock.Of<Response>()));

        Assert.Null(await _store.GetAccessTokenAsync("acme"));
    }

    [Fact]
    public async Task GetAccessTokenAsync_CachedTokenNearExpiry_RereadsKeyVault()
    {
        KeyVaultSecret old = AccessToken("old", Now.AddMinutes(4));
        KeyVaultSecret refreshed = AccessToken("new", Now.AddMinutes(64));
        _client.SetupSequence(c => c.GetSecretAsync("zoho-acme-access-token", null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(old, Mock.Of<Response>()))
            .ReturnsAsync(Response.FromValue(refreshed, Mock.Of<Response>()));

        Assert.Equal("old", (await _store.GetAccessTokenAsync("acme"))?.Token);
        Assert.Equal("new", (await _store.GetAccessTokenAsync("acme"))?.Token);
    }

    [Fact]
    public async Task SetRefreshTokenAsync_ThenGet_ServesTheNewValueWithoutAKeyVaultRead()
    {
        _client.Setup(c => c.SetSecretAsync(It.IsAny<KeyVaultSecret>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((KeyVaultSecret secret, CancellationToken _) => Response.FromValue(secret, Mock.Of<Response>()));

        await _store.SetRefreshTokenAsync("acme", "1000.refresh");

        Assert.Equal("1000.refresh", await _store.GetRefreshTokenAsync("acme"));
        _client.Verify(c => c.SetSecretAsync(It.Is<KeyVaultSecret>(s => s.Name == "zoho-acme-refresh-token" && s.Value == "1000.refresh"), It.IsAny<CancellationToken>()), Times.Once);
        _client.Verify(c => c.GetSecretAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("acme_eu")]
    [InlineData("acme.eu")]
    [InlineData("acme/eu")]
    [InlineData("")]
    public async Task GetClientSecretAsync_OrgIdUnfitForSecretNames_Throws(string orgId)
        => await Assert.ThrowsAnyAsync<ArgumentException>(() => _store.GetClientSecretAsync(orgId));

    [Fact]
    public void SecretNames_OrgId_AreLowerCasedWithTheirPurpose()
    {
        Assert.Equal("zoho-acme-eu-client-secret", KeyVaultZohoTokenStore.ClientSecretName("ACME-eu"));
        Assert.Equal("zoho-20061234-refresh-token", KeyVaultZohoTokenStore.RefreshTokenName("20061234"));
        Assert.Equal("zoho-acme-access-token", KeyVaultZohoTokenStore.AccessTokenName("acme"));
    }

    private void Returns(string name, string value)
        => _client.Setup(c => c.GetSecretAsync(name, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Response.FromValue(SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: name), value), Mock.Of<Response>()));

    private static KeyVaultSecret AccessToken(string value, DateTimeOffset expiresOn)
    {
        KeyVaultSecret secret = SecretModelFactory.KeyVaultSecret(new SecretProperties("zoho-acme-access-token") { ExpiresOn = expiresOn }, value);
        secret.Properties.Tags[KeyVaultZohoTokenStore.ApiDomainTag] = "https://www.zohoapis.com/";
        return secret;
    }
}
