using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Time.Testing;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Secrets;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests.Secrets;

/// <summary>The audit subject key from Key Vault, with the real <see cref="SecretClient"/> against a local HTTPS Key Vault endpoint.</summary>
public sealed class KeyVaultAuditSubjectKeyProviderTests : IAsyncLifetime
{
    private const string KeyBase64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

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
    public async Task GetCurrentKey_SecretInVault_IdNamesSecretAndVersionAndHashesUseTheKey()
    {
        _vault.Seed("audit-subject-key", KeyBase64);
        var provider = new KeyVaultAuditSubjectKeyProvider(Client(), "audit-subject-key", new FakeTimeProvider());

        AuditSubjectKey key = await provider.GetCurrentKeyAsync(CancellationToken.None);
        AuditSubjectKey again = await provider.GetKeyAsync(key.KeyId, CancellationToken.None);

        Assert.StartsWith("kv:audit-subject-key/", key.KeyId, StringComparison.Ordinal);
        Assert.Equal(Convert.FromBase64String(KeyBase64), key.Key.ToArray());
        Assert.Same(key, again);
        Assert.Equal(1, _vault.Reads);
        Assert.DoesNotContain(KeyBase64, key.ToString(), StringComparison.Ordinal);
    }

    private SecretClient Client() => _vault.Client(_handler);
}
