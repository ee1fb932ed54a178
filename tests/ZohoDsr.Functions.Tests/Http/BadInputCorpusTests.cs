using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using ZohoCrm.Client;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Deadlines;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Http;
using ZohoDsr.Functions.Http;
using ZohoDsr.Functions.Tests.Support;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Functions.Tests.Http;

/// <summary>
/// The bad-input corpus (<see cref="BadInputCorpus"/>) against the Functions app's HTTP functions over request and
/// response doubles and a Moq Durable client that knows no instance: each case gets its status and problem details naming
/// the field, and nothing is started, raised or terminated.
/// </summary>
public sealed class BadInputCorpusTests : IDisposable
{
    private const string Secret = "functions-corpus-secret";
    private const string Host = "https://zohodsr-func.azurewebsites.net";

    private static readonly ILoggerFactory Logs = new LoggerFactory([TestLogCapture.CreateProvider()]);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<DurableTaskClient> _client = new("test");
    private readonly string _exports = Path.Combine(Path.GetTempPath(), "zohodsr-functions-corpus-" + Guid.NewGuid().ToString("N"));
    private readonly DsrHttpFunctions _functions;

    public BadInputCorpusTests()
    {
        DsrOptions dsr = new();
        dsr.Webhook.SigningSecret = Secret;
        TestLogCapture.Forbid("the signing secret", Secret);
        ZohoCrmClientOptions zoho = new();
        zoho.Orgs["acme"] = new ZohoOrgOptions { ClientId = "1000.ACME", DataCenter = "EU" };
        _functions = new DsrHttpFunctions(new DsrHttpApiFactory(
            new DsrRequestGate(Options.Create(dsr), Options.Create(new DsrHttpOptions()), new SignatureReplayCache(_time), _time, Logs.CreateLogger<DsrRequestGate>()),
            new DsrRequestRecords(new LocalFolderExportStore(_exports)),
            Options.Create(dsr),
            Options.Create(zoho),
            Options.Create(new DeadlineOptions()),
            _time,
            Logs));
        _client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);
    }

    public static IEnumerable<object[]> Cases => BadInputCorpus.Names(functions: true);

    public void Dispose()
    {
        if (Directory.Exists(_exports))
        {
            Directory.Delete(_exports, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Function_BadInput_AnsweredWithItsStatusNamingTheFieldAndStartsNothing(string name)
    {
        BadInputCase badCase = BadInputCorpus.Get(name);

        TestHttpResponseData response = await SendAsync(badCase);
        if (badCase.Signature == SignatureMode.Replayed)
        {
            response = await SendAsync(badCase);
        }

        int status = badCase.ExpectedStatus(functions: true);
        string? field = badCase.ExpectedField(functions: true);
        Assert.True((int)response.StatusCode == status, $"{name}: HTTP {(int)response.StatusCode} {Text(response)}");
        if (field is not null)
        {
            Assert.StartsWith(DsrProblemDetails.ContentType, response.Header("Content-Type"));
            JsonElement problem = response.Json();
            Assert.Equal(status, problem.GetProperty("status").GetInt32());
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{name}: errors should name {field}: {problem}");
        }

        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
        _client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
        _client.Verify(c => c.TerminateInstanceAsync(It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private async Task<TestHttpResponseData> SendAsync(BadInputCase badCase)
    {
        string pathAndQuery = badCase.PathAndQuery.Replace(BadInputCorpus.OrgPlaceholder, "acme", StringComparison.Ordinal);
        byte[] body = BadInputCorpus.BodyFor(badCase, "acme");
        var request = new TestHttpRequestData(TestFunctionContext.Create(), badCase.Method, new Uri(Host + pathAndQuery), body);
        if (badCase.ContentType is not null)
        {
            request.Headers.TryAddWithoutValidation("Content-Type", badCase.ContentType);
        }

        foreach ((string header, string value) in BadInputCorpus.SignatureHeaders(badCase, body, Secret, _time.GetUtcNow()))
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        string[] segments = pathAndQuery.Split('?')[0].Trim('/').Split('/');
        string? requestId = segments.Length > 2 ? Uri.UnescapeDataString(segments[2]) : null;
        DurableTaskClient client = _client.Object;
        HttpResponseData response = (badCase.Method, segments.Length, segments.Length > 3 ? segments[3] : null) switch
        {
            ("POST", 2, _) => await _functions.SubmitDsr(request, client, CancellationToken.None),
            ("GET", 2, _) => await _functions.ListDsr(request, client, CancellationToken.None),
            ("GET", 3, _) => await _functions.GetDsrStatus(request, requestId!, client, CancellationToken.None),
            ("DELETE", 3, _) => await _functions.CancelDsr(request, requestId!, client, CancellationToken.None),
            ("POST", 4, "approve") => await _functions.ApproveDsr(request, requestId!, client, CancellationToken.None),
            ("POST", 4, "reject") => await _functions.RejectDsr(request, requestId!, client, CancellationToken.None),
            ("POST", 4, "extend") => await _functions.ExtendDsr(request, requestId!, client, CancellationToken.None),
            _ => throw new InvalidOperationException($"No function serves {badCase.Method} {pathAndQuery}."),
        };
        return (TestHttpResponseData)response;
    }

    private static string Text(TestHttpResponseData response)
    {
        response.Body.Position = 0;
        return new StreamReader(response.Body).ReadToEnd();
    }
}
