using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ZohoCrm.Client;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Contracts;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Http;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.Telemetry;
using ZohoDsr.Core.Tests.Telemetry;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests.Http;

/// <summary>
/// A <see cref="DsrHttpApi"/> over a strict Moq engine, a real local-folder export store (the records are real files)
/// and a fake clock; builds signed requests.
/// </summary>
public sealed class ApiHarness : IDisposable
{
    public const string Secret = "webhook-secret-for-tests";
    public const string OrgId = "org1";
    public const string Email = "jane.subject@example.com";
    public const string AutoContentType = "(auto)";
    public const string OperatorKey = "operator-key-0123456789-0123456789-abcdef";
    public static readonly Uri BaseUrl = new("http://127.0.0.1:7071/");

    private readonly string _exports = Path.Combine(Path.GetTempPath(), "zohodsr-api-tests-" + Guid.NewGuid().ToString("N"));

    public ApiHarness(bool includeDurableUris = true, DeadlineRegimeKind regime = DeadlineRegimeKind.Gdpr, string operatorKey = "")
    {
        var zoho = new ZohoCrmClientOptions();
        zoho.Orgs[OrgId] = new ZohoOrgOptions { ClientId = "client" };
        zoho.Orgs["other"] = new ZohoOrgOptions { ClientId = "client2" };
        IOptions<DsrOptions> options = Options.Create(new DsrOptions { Webhook = new WebhookOptions { SigningSecret = Secret, IncludeDurableManagementUris = includeDurableUris } });
        Store = new LocalFolderExportStore(_exports);
        Records = new DsrRequestRecords(Store);
        var loggers = new LoggerFactory([Logs]);
        Gate = new DsrRequestGate(options, Options.Create(new DsrHttpOptions { OperatorKey = operatorKey }), new SignatureReplayCache(Time), Time, loggers.CreateLogger<DsrRequestGate>());
        Api = new DsrHttpApi(Instances.Object, Gate, Records, options, Options.Create(zoho), Options.Create(new DeadlineOptions { Regime = regime }), Time, loggers.CreateLogger<DsrHttpApi>(), new DsrMetrics(Metrics.MeterFactory, Time, Options.Create(new DeadlineOptions())));
        Instances.Setup(i => i.GetManagementUris(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Uri>()))
            .Returns((string id, string requestId, string orgId, Uri _) => new DsrManagementUris
            {
                Id = id,
                StatusQueryGetUri = $"http://127.0.0.1:7071/runtime/webhooks/durabletask/instances/{id}",
                StatusUri = $"http://127.0.0.1:7071/api/dsr/{requestId}?orgId={orgId}",
            });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public Mock<IDsrInstanceClient> Instances { get; } = new(MockBehavior.Strict);

    public CapturingLoggerProvider Logs { get; } = new();

    public LocalFolderExportStore Store { get; }

    public DsrRequestRecords Records { get; }

    public DsrRequestGate Gate { get; }

    public DsrHttpApi Api { get; }

    /// <summary>What the API records in <see cref="DsrMetrics"/>.</summary>
    public MetricsCapture Metrics { get; } = new();

    public void Dispose()
    {
        Metrics.Dispose();
        if (Directory.Exists(_exports))
        {
            Directory.Delete(_exports, recursive: true);
        }
    }

    /// <summary>
    /// A request signed now with the test secret (or <paramref name="secret"/>; null: unsigned). The media type is JSON when
    /// there is a body and none when there is not, unless <paramref name="contentType"/> names one.
    /// </summary>
    public DsrHttpRequest Signed(string method, string path, string body = "", string? secret = Secret, string? contentType = AutoContentType, DateTimeOffset? signedAt = null)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        long timestamp = (signedAt ?? Time.GetUtcNow()).ToUnixTimeSeconds();
        return new DsrHttpRequest
        {
            Method = method,
            Url = new Uri(BaseUrl, path),
            Body = bytes,
            ContentType = contentType == AutoContentType ? (body.Length == 0 ? null : "application/json") : contentType,
            Timestamp = secret is null ? null : timestamp.ToString(CultureInfo.InvariantCulture),
            Signature = secret is null ? null : WebhookSignature.Sign(Encoding.UTF8.GetBytes(secret), timestamp, bytes),
        };
    }

    public Task<DsrHttpResponse> SubmitAsync(string json) => Api.SubmitAsync(Signed("POST", "api/dsr", json), CancellationToken.None);

    public static string Body(string requestId, string type = "access", string extra = "", string orgId = OrgId)
        => $"{{\"requestId\":\"{requestId}\",\"type\":\"{type}\",\"subject\":{{\"email\":\"{Email}\"}},\"orgId\":\"{orgId}\"{extra}}}";

    public static DsrOrchestrationInput Input(string requestId, string email = Email, string orgId = OrgId) => new()
    {
        RequestId = requestId,
        OrgId = orgId,
        Type = DsrRequestType.Access,
        SubjectEmail = email,
    };

    public DsrInstanceState State(string instanceId, DsrRuntimeStatus status, DsrOrchestrationInput input)
        => new(instanceId, status, input, null, null, Time.GetUtcNow(), Time.GetUtcNow(), status == DsrRuntimeStatus.Failed ? "boom" : null);

    /// <summary>An engine that holds what it was asked to start (and what the test puts in it).</summary>
    public Dictionary<string, DsrInstanceState> UseInMemoryEngine()
    {
        var held = new Dictionary<string, DsrInstanceState>(StringComparer.Ordinal);
        Instances.Setup(i => i.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => { lock (held) { return held.GetValueOrDefault(id); } });
        Instances.Setup(i => i.StartAsync(It.IsAny<string>(), It.IsAny<DsrOrchestrationInput>(), It.IsAny<CancellationToken>()))
            .Returns((string id, DsrOrchestrationInput input, CancellationToken _) =>
            {
                lock (held)
                {
                    held.TryAdd(id, State(id, DsrRuntimeStatus.Pending, input));
                }

                return Task.CompletedTask;
            });
        return held;
    }

    public static DsrProblemDetails Problem(DsrHttpResponse response, int status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(DsrProblemDetails.ContentType, response.ContentType);
        return Assert.IsType<DsrProblemDetails>(response.Body);
    }
}
