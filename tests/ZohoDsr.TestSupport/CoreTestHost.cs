using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZohoCrm.Client;
using ZohoCrm.Simulator;
using ZohoDsr.Core;

namespace ZohoDsr.TestSupport;

/// <summary>
/// The product's Core as a host would build it (<c>AddZohoDsrCore</c> over configuration) against simulator orgs: the
/// real Zoho client over HTTP, an in-memory token store holding each org's client secret and refresh token, a local
/// export folder, and a log capture.
/// </summary>
public sealed class CoreTestHost : IDisposable
{
    public const string SigningSecret = "test-signing-secret-0123456789";

    /// <summary>The audit subject key of test hosts (base64 of 32 bytes).</summary>
    public const string AuditSubjectKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private readonly ServiceProvider _provider;

    private CoreTestHost(ServiceProvider provider, string exportPath, CapturingLoggerProvider logs)
    {
        _provider = provider;
        ExportPath = exportPath;
        Logs = logs;
    }

    public string ExportPath { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _provider;

    public static CoreTestHost Create(SimulatorHost? simulator, IEnumerable<SimOrg> orgs, IDictionary<string, string?>? extra = null, string version = "V8", Action<IServiceCollection>? services = null)
    {
        string exportPath = Path.Combine(Path.GetTempPath(), "zohodsr-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["ZohoDsr:Webhook:SigningSecret"] = SigningSecret,
            ["ZohoDsr:Audit:SubjectKey"] = AuditSubjectKey,
            ["ZohoDsr:Exports:Kind"] = "LocalFolder",
            ["ZohoDsr:Exports:LocalPath"] = exportPath,
            ["Zoho:Version"] = version,
            ["Zoho:TransientRetryDelay"] = "00:00:00",
            ["Zoho:MaxTransientRetries"] = "1",
        };
        var tokens = new InMemoryZohoTokenStore();
        TestLogCapture.Forbid("the signing secret", SigningSecret);
        TestLogCapture.Forbid("the audit subject key", AuditSubjectKey);
        foreach (SimOrg org in orgs)
        {
            TestLogCapture.Forbid($"org {org.OrgId}'s client secret", org.ClientSecret);
            foreach (PlantedSubject subject in org.PlantedSubjects)
            {
                TestLogCapture.Forbid("a planted subject's email", subject.Email);
            }

            settings[$"Zoho:Orgs:{org.OrgId}:ClientId"] = org.ClientId;
            settings[$"Zoho:Orgs:{org.OrgId}:AccountsUrl"] = simulator!.AccountsUrl(org.DataCenter).ToString();
            settings[$"Zoho:Orgs:{org.OrgId}:DataCenter"] = org.DataCenter;
            tokens.SetCredentials(org.OrgId, org.ClientSecret, org.RefreshToken);
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new CapturingLoggerProvider();
        var collection = new ServiceCollection();
        collection.AddSingleton(configuration);
        collection.AddLogging(b => b.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        collection.AddSingleton<IZohoTokenStore>(tokens);
        collection.AddZohoDsrCore();
        services?.Invoke(collection);
        return new CoreTestHost(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true }), exportPath, logs);
    }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose()
    {
        _provider.Dispose();
        if (Directory.Exists(ExportPath))
        {
            Directory.Delete(ExportPath, recursive: true);
        }
    }
}
