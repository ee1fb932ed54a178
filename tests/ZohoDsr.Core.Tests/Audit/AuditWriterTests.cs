using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ZohoDsr.Core.Audit;
using ZohoDsr.Core.Configuration;
using ZohoDsr.Core.Exports;
using ZohoDsr.Core.Http;

namespace ZohoDsr.Core.Tests.Audit;

public sealed class AuditWriterTests : IDisposable
{
    private const string KeyBase64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private const string OtherKeyBase64 = "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=";

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
    public async Task Append_FirstUse_WritesHeaderWithKeyIdThenEntriesAndNoSaltOrKey()
    {
        var store = new LocalFolderExportStore(_root);
        ConfiguredAuditSubjectKeyProvider keys = Keys(KeyBase64);
        var writer = new AuditWriter(store, keys, _time);
        string hash = await writer.HashSubjectAsync("org1", "r-1", "Jane@Example.com", CancellationToken.None);

        string location = await writer.AppendAsync("org1", "r-1", [new AuditEntry(_time.GetUtcNow(), "search", "Contacts", 2, "ok", SubjectHash: hash)], CancellationToken.None);

        string[] lines = await File.ReadAllLinesAsync(location);
        Assert.Equal(2, lines.Length);
        AuditLogHeader header = JsonSerializer.Deserialize<AuditLogHeader>(lines[0], DsrJson.Options)!;
        Assert.Equal("header", header.Kind);
        AuditSubjectKey key = await keys.GetCurrentKeyAsync(CancellationToken.None);
        Assert.Equal(key.KeyId, header.SubjectKeyId);
        Assert.Equal(SubjectHash.Algorithm, header.Algorithm);
        Assert.Equal(SubjectHash.Compute(Convert.FromBase64String(KeyBase64), "org1", "r-1", "jane@example.com"), hash);
        AuditEntry entry = JsonSerializer.Deserialize<AuditEntry>(lines[1], DsrJson.Options)!;
        Assert.Equal(hash, entry.SubjectHash);
        string log = string.Join("\n", lines);
        Assert.DoesNotContain("jane", log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("salt", log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(KeyBase64, log, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(Convert.FromBase64String(KeyBase64)), log, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HashSubject_SameEmailUnderDifferentKeys_DifferentHashes()
    {
        string first = await new AuditWriter(new LocalFolderExportStore(Path.Combine(_root, "a")), Keys(KeyBase64), _time)
            .HashSubjectAsync("org1", "r-1", "jane@example.com", CancellationToken.None);
        string second = await new AuditWriter(new LocalFolderExportStore(Path.Combine(_root, "b")), Keys(OtherKeyBase64), _time)
            .HashSubjectAsync("org1", "r-1", "jane@example.com", CancellationToken.None);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task HashSubject_LogStartedUnderAnotherKey_RefusesRatherThanMixingKeys()
    {
        var store = new LocalFolderExportStore(_root);
        await new AuditWriter(store, Keys(KeyBase64), _time).HashSubjectAsync("org1", "r-1", "jane@example.com", CancellationToken.None);

        InvalidOperationException ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new AuditWriter(store, Keys(OtherKeyBase64), _time).HashSubjectAsync("org1", "r-1", "jane@example.com", CancellationToken.None));

        Assert.Contains("ZohoDsr:Audit:SubjectKey", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherKeyBase64, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashSubject_LogStartedWithASaltedHeader_KeepsItsHashes()
    {
        var store = new LocalFolderExportStore(_root);
        await store.EnsureAuditLogAsync(
            "org1",
            "r-old",
            """{"kind":"header","orgId":"org1","requestId":"r-old","createdAt":"2026-11-01T00:00:00+00:00","salt":"00112233445566778899aabbccddeeff","algorithm":"sha256(salt||lower(trim(email)))"}""",
            CancellationToken.None);

        string hash = await new AuditWriter(store, Keys(KeyBase64), _time).HashSubjectAsync("org1", "r-old", "Jane@Example.com", CancellationToken.None);

        Assert.Equal(SubjectHash.ComputeLegacySalted("00112233445566778899aabbccddeeff", "jane@example.com"), hash);
    }

    [Fact]
    public async Task Append_ConcurrentWritersOnNewLog_OneHeaderAndEveryEntry()
    {
        var store = new LocalFolderExportStore(_root);
        AuditWriter[] writers = Enumerable.Range(0, 8).Select(_ => new AuditWriter(store, Keys(KeyBase64), _time)).ToArray();

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
    public async Task HashSubject_TwoRequests_DifferentHashes()
    {
        var writer = new AuditWriter(new LocalFolderExportStore(_root), Keys(KeyBase64), _time);

        string first = await writer.HashSubjectAsync("org1", "r-a", "jane@example.com", CancellationToken.None);
        string second = await writer.HashSubjectAsync("org1", "r-b", "jane@example.com", CancellationToken.None);

        Assert.NotEqual(first, second);
    }

    private static ConfiguredAuditSubjectKeyProvider Keys(string keyBase64)
        => new(Options.Create(new DsrOptions { Audit = new AuditOptions { SubjectKey = keyBase64 } }));
}
