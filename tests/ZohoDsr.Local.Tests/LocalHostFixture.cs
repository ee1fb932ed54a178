using Microsoft.Extensions.Logging;
using ZohoCrm.Simulator;
using ZohoDsr.Local.Hosting;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Local.Tests;

/// <summary>
/// One local host (Kestrel on 127.0.0.1:0, in-process simulator with a small seeded demo org, its own Azurite with the data
/// in a temporary folder and a task hub of its own) shared by a collection.
/// </summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    public const string Secret = "test-signing-secret-0123456789abcdef";

    /// <summary>The audit subject key of test hosts (base64 of 32 bytes).</summary>
    public const string AuditSubjectKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private readonly string _exports = Path.Combine(Path.GetTempPath(), "zohodsr-local-tests-" + Guid.NewGuid().ToString("N"));

    public LocalHost Host { get; private set; } = null!;

    public DemoEnvironment Demo => Host.Demo!;

    public string Url => Host.BaseAddress.AbsoluteUri;

    public static LocalHostOptions CreateOptions(string exportPath)
    {
        var options = new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            UseAmbientConfiguration = false,
            UseSimulator = true,
            // Everything the host logs, at any level, goes to the run-wide capture; the console stays at warnings.
            MinimumLogLevel = LogLevel.Trace,
            ConfigureLogging = logging => logging
                .AddProvider(TestLogCapture.CreateProvider())
                .AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning),
            ExportPath = exportPath,
            DemoSeed = new SeedSpec { Contacts = 150, Leads = 80, Cases = 40, RelatedPerContact = 1, RandomSeed = 7 },
            StatePath = Path.Combine(exportPath, "state"),
            TaskHub = TestTaskHub.NewName(),
            DeleteTaskHubOnStop = true,
        };
        options.Settings["ZohoDsr:Webhook:SigningSecret"] = Secret;
        options.Settings["ZohoDsr:Audit:SubjectKey"] = AuditSubjectKey;
        return options;
    }

    public PlantedSubject Subject(string name) => Demo.Seed.Subject(name);

    public async Task InitializeAsync()
    {
        TestLogCapture.Forbid("the signing secret", Secret);
        TestLogCapture.Forbid("the audit subject key", AuditSubjectKey);
        Host = await LocalHost.StartAsync(CreateOptions(_exports), CancellationToken.None);
        TestLogCapture.Forbid("the demo org's client secret", Demo.Org.ClientSecret);
        foreach (PlantedSubject subject in Demo.Seed.Subjects)
        {
            TestLogCapture.Forbid("a planted subject's email", subject.Email);
        }
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (Directory.Exists(_exports))
        {
            Directory.Delete(_exports, recursive: true);
        }
    }
}
