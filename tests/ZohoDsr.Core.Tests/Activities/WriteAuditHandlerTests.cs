using ZohoDsr.Core.Activities;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Orchestration;
using ZohoDsr.Core.Tests.Support;
using ZohoDsr.TestSupport;

namespace ZohoDsr.Core.Tests.Activities;

public sealed class WriteAuditHandlerTests : IDisposable
{
    private readonly CoreTestHost _host = CoreTestHost.Create(null, []);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Handle_WithSubjectEmail_AppendsEntriesWithSubjectHashOnly()
    {
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var input = new WriteAuditInput("org1", "r-1", [new AuditEntry(at, "approval", null, 1, "approved"), new AuditEntry(at, "summary", null, 3, "completed", SubjectHash: "given")])
        {
            SubjectEmail = "Jane@Example.com",
        };

        WriteAuditResult result = await _host.Get<WriteAuditHandler>().HandleAsync(input, CancellationToken.None);

        Assert.Equal(2, result.Appended);
        string[] lines = await File.ReadAllLinesAsync(result.Location);
        Assert.Equal(3, lines.Length);
        string expectedHash = await _host.Get<AuditWriter>().HashSubjectAsync("org1", "r-1", "jane@example.com", CancellationToken.None);
        Assert.Contains($"\"subjectHash\":\"{expectedHash}\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"subjectHash\":\"given\"", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("jane", string.Join('\n', lines), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Jane", input.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_SameCallDeliveredTwice_EachLineOnceAndAttributed()
    {
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var input = new WriteAuditInput("org1", "r-2", [new AuditEntry(at, AuditActions.Approval, null, 0, AuditOutcomes.Approved, Writer: OrchestrationNames.DsrOrchestration)])
        {
            CallId = "i-2:12",
        };

        await _host.Get<WriteAuditHandler>().HandleAsync(input, CancellationToken.None);
        await _host.Get<WriteAuditHandler>().HandleAsync(input, CancellationToken.None);

        AuditTrail trail = await AuditTrail.ReadAsync(_host.Get<IExportStore>(), "org1", "r-2", CancellationToken.None);
        AuditEntry line = Assert.Single(trail.Entries);
        Assert.Equal((OrchestrationNames.DsrOrchestration, "i-2:12"), (line.Writer, line.CallId));
    }
}
