using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Secrets;

namespace ZohoDsr.Functions.Tests.Secrets;

/// <summary>The audit subject key from Key Vault, with the real <see cref="SecretClient"/> against a local HTTPS Key Vault endpoint.</summary>
public sealed class KeyVaultAuditSubjectKeyProviderTests : IAsyncLifetime
{
    private const string KeyBase64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private LocalKeyVault _vault = null!;
    private HttpClientHandler _handler = null!;

    public async Task InitializeAsync()
    {
        _vault = await LocalKeyVault.StartAsync();
        string thumbprint = _vault.Certificate.Thumbprint;
        _handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == thumbprint };
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

    [Fact]
    public async Task Start_SecretMissing_FailsNamingTheSecret()
    {
        using ServiceProvider services = FunctionsServices();

        InvalidOperationException ex = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(services));

        Assert.Contains("audit-subject-key", ex.Message, StringComparison.Ordinal);
        Assert.IsType<KeyVaultAuditSubjectKeyProvider>(services.GetRequiredService<IAuditSubjectKeyProvider>());
    }

    [Fact]
    public async Task Start_SecretTooShort_FailsNamingTheSecretWithoutEchoingIt()
    {
        _vault.Seed("audit-subject-key", "AAECAwQFBgcICQoLDA0ODw==");
        using ServiceProvider services = FunctionsServices();

        InvalidOperationException ex = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(services));

        Assert.Contains("audit-subject-key", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AAECAwQFBgcICQoLDA0ODw==", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SecretInVault_AuditWriterHashesUnderIt()
    {
        _vault.Seed("audit-subject-key", KeyBase64);
        using ServiceProvider services = FunctionsServices();

        await StartAsync(services);
        string hash = await services.GetRequiredService<AuditWriter>().HashSubjectAsync("acme", "r-1", "jane@example.com", CancellationToken.None);

        Assert.Equal(SubjectHash.Compute(Convert.FromBase64String(KeyBase64), "acme", "r-1", "jane@example.com"), hash);
    }

    private static async Task StartAsync(IServiceProvider services)
    {
        foreach (IHostedService service in services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    private ServiceProvider FunctionsServices()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ZohoDsr:TaskHub"] = "ZohoDsr",
            ["ZohoDsr:KeyVaultUri"] = _vault.VaultUri.AbsoluteUri,
            ["ZohoDsr:Webhook:SigningSecret"] = "test-signing-secret",
            ["ZohoDsr:Exports:Kind"] = "LocalFolder",
            ["ZohoDsr:Exports:LocalPath"] = Path.Combine(Path.GetTempPath(), "zohodsr-tests", Guid.NewGuid().ToString("N")),
            ["Zoho:Orgs:acme:ClientId"] = "1000.ACME",
        };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton(Client());
        services.AddZohoDsrFunctions();
        return services.BuildServiceProvider();
    }

    private SecretClient Client()
    {
        SecretClientOptions options = new()
        {
            Transport = new HttpClientTransport(_handler),
            DisableChallengeResourceVerification = true,
        };
        options.Retry.MaxRetries = 0;
        return new SecretClient(_vault.VaultUri, new LocalVaultCredential(), options);
    }
}
