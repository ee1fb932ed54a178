using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Core.Tests.Audit;

public sealed class AuditWriterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "zohodsr-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Append_FirstUse_WritesHeaderWithSaltThenEntries()
    {
        var store = new LocalFolderExportStore(_root);
        var writer = new AuditWriter(store, _time);
        string hash = await writer.HashSubjectAsync("org1", "r-1", "Jane@Example.com", CancellationToken.None);

        string location = await writer.AppendAsync("org1", "r-1", [new AuditEntry(_time.GetUtcNow(), "search", "Contacts", 2, "ok", SubjectHash: hash)], CancellationToken.None);

        string[] lines = await File.ReadAllLinesAsync(location);
        Assert.Equal(2, lines.Length);
        AuditLogHeader header = JsonSerializer.Deserialize<AuditLogHeader>(lines[0], DsrJson.Options)!;
        Assert.Equal("header", header.Kind);
        Assert.Equal(SubjectHash.Compute(header.Salt, "jane@example.com"), hash);
        AuditEntry entry = JsonSerializer.Deserialize<AuditEntry>(lines[1], DsrJson.Options)!;
        Assert.Equal("search", entry.Action);
        Assert.Equal(hash, entry.SubjectHash);
        Assert.DoesNotContain("jane", string.Join("\n", lines), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Append_ConcurrentWritersOnNewLog_OneHeaderAndEveryEntry()
    {
        var store = new LocalFolderExportStore(_root);
        AuditWriter[] writers = Enumerable.Range(0, 8).Select(_ => new AuditWriter(store, _time)).ToArray();

        string[] hashes = await Task.WhenAll(writers.Select(async (w, i) =>
        {
            string hash = await w.HashSubjectAsync("org1", "r-2", "jane@example.com", CancellationToken.None);
            await w.AppendAsync("org1", "r-2", [new AuditEntry(_time.GetUtcNow(), "find", "Contacts", i, "ok", SubjectHash: hash)], CancellationToken.None);
            return hash;
        }));

        Assert.Single(hashes.Distinct());
        string[] lines = await File.ReadAllLinesAsync(store.GetExportLocation("org1", "r-2").Replace("export.json", "audit.jsonl", StringComparison.Ordinal));
        Assert.Equal(9, lines.Length);
        Assert.Single(lines, l => l.Contains("\"kind\":\"header\"", StringComparison.Ordinal));
        Assert.Contains("\"kind\":\"header\"", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashSubject_TwoRequests_DifferentSalts()
    {
        var writer = new AuditWriter(new LocalFolderExportStore(_root), _time);

        string first = await writer.HashSubjectAsync("org1", "r-a", "jane@example.com", CancellationToken.None);
        string second = await writer.HashSubjectAsync("org1", "r-b", "jane@example.com", CancellationToken.None);

        Assert.NotEqual(first, second);
    }
}
