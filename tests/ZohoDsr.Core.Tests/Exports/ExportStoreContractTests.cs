using System.Text;
using ZohoDsr.Core.Exports;

namespace ZohoDsr.Core.Tests.Exports;

/// <summary>What every <see cref="IExportStore"/> must do; each store's test class runs these against a real store.</summary>
public abstract class ExportStoreContractTests
{
    protected abstract IExportStore Store { get; }

    protected string OrgId { get; } = "org" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task WritePart_ThenRead_SameBytes()
    {
        await Store.WritePartAsync(OrgId, "r-1", "00001-Contacts.json", BinaryData.FromString("{\"a\":1}"), CancellationToken.None);
        await Store.WritePartAsync(OrgId, "r-1", "00001-Contacts.json", BinaryData.FromString("{\"a\":2}"), CancellationToken.None);

        BinaryData? read = await Store.ReadPartAsync(OrgId, "r-1", "00001-Contacts.json", CancellationToken.None);

        Assert.Equal("{\"a\":2}", read!.ToString());
        Assert.Null(await Store.ReadPartAsync(OrgId, "r-1", "00002-Calls.json", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteParts_AfterWrite_PartsGoneExportKept()
    {
        await Store.WritePartAsync(OrgId, "r-2", "00001-Contacts.json", BinaryData.FromString("{}"), CancellationToken.None);
        await Store.WritePartAsync(OrgId, "r-2", "00002-Calls.json", BinaryData.FromString("{}"), CancellationToken.None);
        await Store.WriteExportAsync(OrgId, "r-2", (s, ct) => s.WriteAsync(Encoding.UTF8.GetBytes("{\"modules\":{}}"), ct).AsTask(), CancellationToken.None);

        await Store.DeletePartsAsync(OrgId, "r-2", CancellationToken.None);

        Assert.Null(await Store.ReadPartAsync(OrgId, "r-2", "00001-Contacts.json", CancellationToken.None));
        Assert.Null(await Store.ReadPartAsync(OrgId, "r-2", "00002-Calls.json", CancellationToken.None));
        Assert.Equal("{\"modules\":{}}", await ReadAllAsync(await Store.OpenExportAsync(OrgId, "r-2", CancellationToken.None)));
    }

    [Fact]
    public async Task WriteExport_ReturnsLocationOfExportJson()
    {
        string location = await Store.WriteExportAsync(OrgId, "r-3", (s, ct) => s.WriteAsync(Encoding.UTF8.GetBytes("[]"), ct).AsTask(), CancellationToken.None);

        Assert.EndsWith($"{OrgId}/r-3/export.json", location.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Equal(Store.GetExportLocation(OrgId, "r-3"), location);
        Assert.Null(await Store.OpenExportAsync(OrgId, "r-none", CancellationToken.None));
    }

    [Fact]
    public async Task EnsureAuditLog_RacingCreators_AllGetTheWinnersFirstLine()
    {
        string[] firstLines = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(i => Store.EnsureAuditLogAsync(OrgId, "r-4", $"{{\"header\":{i}}}", CancellationToken.None)));
        await Store.AppendAuditAsync(OrgId, "r-4", ["{\"n\":1}", "{\"n\":2}"], CancellationToken.None);
        await Store.AppendAuditAsync(OrgId, "r-4", ["{\"n\":3}"], CancellationToken.None);

        Assert.Single(firstLines.Distinct());
        string[] lines = (await ReadAllAsync(await Store.OpenAuditAsync(OrgId, "r-4", CancellationToken.None))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([firstLines[0], "{\"n\":1}", "{\"n\":2}", "{\"n\":3}"], lines);
    }

    [Fact]
    public async Task AppendAudit_LineBreakInLine_Throws()
    {
        await Store.EnsureAuditLogAsync(OrgId, "r-5", "{}", CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAuditAsync(OrgId, "r-5", ["{\n}"], CancellationToken.None));
    }

    [Fact]
    public async Task CreateRecordIfAbsent_RacingCreators_ExactlyOneWinsAndEveryoneReadsItsRecord()
    {
        ExportRecordWrite[] writes = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => Task.Run(() => Store.CreateRecordIfAbsentAsync(OrgId, "r-rec", "decision.json", BinaryData.FromString($"{{\"n\":{i}}}"), CancellationToken.None))));

        ExportRecordWrite winner = Assert.Single(writes, w => w.Created);
        Assert.All(writes, w => Assert.Equal(winner.Content.ToString(), w.Content.ToString()));
        Assert.Equal(winner.Content.ToString(), (await Store.ReadRecordAsync(OrgId, "r-rec", "decision.json", CancellationToken.None))!.ToString());
    }

    [Fact]
    public async Task CreateRecordIfAbsent_Exists_KeepsTheFirstRecord()
    {
        await Store.CreateRecordIfAbsentAsync(OrgId, "r-rec2", "extension.json", BinaryData.FromString("{\"first\":true}"), CancellationToken.None);

        ExportRecordWrite second = await Store.CreateRecordIfAbsentAsync(OrgId, "r-rec2", "extension.json", BinaryData.FromString("{\"first\":false}"), CancellationToken.None);

        Assert.False(second.Created);
        Assert.Equal("{\"first\":true}", second.Content.ToString());
    }

    [Fact]
    public async Task ReadRecord_NeverWritten_Null()
    {
        Assert.Null(await Store.ReadRecordAsync(OrgId, "r-none", "decision.json", CancellationToken.None));
        Assert.Null(await Store.ReadRecordAsync("org-never", "r-none", "decision.json", CancellationToken.None));
    }

    [Theory]
    [InlineData("export.json")]
    [InlineData("../x.json")]
    [InlineData("audit.jsonl")]
    [InlineData("x.txt")]
    public async Task CreateRecordIfAbsent_NameNotARecord_Throws(string recordName)
        => await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.CreateRecordIfAbsentAsync(OrgId, "r-1", recordName, BinaryData.FromString("{}"), CancellationToken.None));

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("")]
    public async Task WritePart_BadRequestId_Throws(string requestId)
        => await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.WritePartAsync(OrgId, requestId, "p.json", BinaryData.FromString("{}"), CancellationToken.None));

    [Fact]
    public async Task DeleteExportsOlderThan_Cutoffs_PurgesOnlyOlderAndKeepsTheAuditLog()
    {
        await Store.WritePartAsync(OrgId, "r-6", "00001-Contacts.json", BinaryData.FromString("{}"), CancellationToken.None);
        await Store.EnsureAuditLogAsync(OrgId, "r-6", "{}", CancellationToken.None);
        await Store.WriteExportAsync(OrgId, "r-6", (s, ct) => s.WriteAsync(Encoding.UTF8.GetBytes("{}"), ct).AsTask(), CancellationToken.None);

        int none = await Store.DeleteExportsOlderThanAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Equal(0, none);
        Assert.Equal("{}", await ReadAllAsync(await Store.OpenExportAsync(OrgId, "r-6", CancellationToken.None)));

        int purged = await Store.DeleteExportsOlderThanAsync(new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.True(purged >= 1);
        Assert.Null(await Store.OpenExportAsync(OrgId, "r-6", CancellationToken.None));
        Assert.Null(await Store.ReadPartAsync(OrgId, "r-6", "00001-Contacts.json", CancellationToken.None));
        Assert.Equal("{}", (await ReadAllAsync(await Store.OpenAuditAsync(OrgId, "r-6", CancellationToken.None))).Trim());
    }

    [Fact]
    public async Task DeleteAuditLogsOlderThan_Cutoffs_PurgesOnlyOlderAuditLogs()
    {
        await Store.EnsureAuditLogAsync(OrgId, "r-7", "{}", CancellationToken.None);
        await Store.WriteExportAsync(OrgId, "r-7", (s, ct) => s.WriteAsync(Encoding.UTF8.GetBytes("{}"), ct).AsTask(), CancellationToken.None);

        int none = await Store.DeleteAuditLogsOlderThanAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
        Assert.Equal(0, none);
        Assert.NotNull(await Store.OpenAuditAsync(OrgId, "r-7", CancellationToken.None) is { } open ? open.DisposeAsync().AsTask().ContinueWith(_ => 1) : null);

        int purged = await Store.DeleteAuditLogsOlderThanAsync(new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.True(purged >= 1);
        Assert.Null(await Store.OpenAuditAsync(OrgId, "r-7", CancellationToken.None));
        Assert.Equal("{}", await ReadAllAsync(await Store.OpenExportAsync(OrgId, "r-7", CancellationToken.None)));
    }

    [Fact]
    public async Task WriteExport_WhileWriting_ReadersSeeTheEarlierExportWhole()
    {
        await Store.WriteExportAsync(OrgId, "r-10", (s, ct) => s.WriteAsync("{\"v\":1}"u8.ToArray(), ct).AsTask(), CancellationToken.None);
        string? seenDuringWrite = null;

        await Store.WriteExportAsync(
            OrgId,
            "r-10",
            async (s, ct) =>
            {
                await s.WriteAsync("{\"v\":"u8.ToArray(), ct);
                await s.FlushAsync(ct);
                seenDuringWrite = await ReadAllAsync(await Store.OpenExportAsync(OrgId, "r-10", ct));
                await s.WriteAsync("2}"u8.ToArray(), ct);
            },
            CancellationToken.None);

        Assert.Equal("{\"v\":1}", seenDuringWrite);
        Assert.Equal("{\"v\":2}", await ReadAllAsync(await Store.OpenExportAsync(OrgId, "r-10", CancellationToken.None)));
    }

    [Fact]
    public async Task WriteExport_WriterFails_EarlierExportStaysWhole()
    {
        await Store.WriteExportAsync(OrgId, "r-11", (s, ct) => s.WriteAsync("{\"v\":1}"u8.ToArray(), ct).AsTask(), CancellationToken.None);

        await Assert.ThrowsAsync<IOException>(() => Store.WriteExportAsync(
            OrgId,
            "r-11",
            async (s, ct) =>
            {
                await s.WriteAsync(new byte[5 * 1024 * 1024], ct);
                throw new IOException("The writer stopped half-way.");
            },
            CancellationToken.None));

        Assert.Equal("{\"v\":1}", await ReadAllAsync(await Store.OpenExportAsync(OrgId, "r-11", CancellationToken.None)));
    }

    [Fact]
    public async Task WriteExport_FirstWriterFails_NoExportVisible()
    {
        await Assert.ThrowsAsync<IOException>(() => Store.WriteExportAsync(
            OrgId,
            "r-12",
            async (s, ct) =>
            {
                await s.WriteAsync("{\"half\":"u8.ToArray(), ct);
                throw new IOException("The writer stopped half-way.");
            },
            CancellationToken.None));

        Assert.Null(await Store.OpenExportAsync(OrgId, "r-12", CancellationToken.None));
    }

    [Fact]
    public async Task WriteExport_LargerThanOneBlock_ReadBackWhole()
    {
        byte[] content = new byte[(9 * 1024 * 1024) + 123];
        new Random(7).NextBytes(content);

        await Store.WriteExportAsync(OrgId, "r-13", (s, ct) => s.WriteAsync(content, ct).AsTask(), CancellationToken.None);

        Stream? stream = await Store.OpenExportAsync(OrgId, "r-13", CancellationToken.None);
        Assert.NotNull(stream);
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(content, copy.ToArray());
        }
    }

    [Fact]
    public async Task DeleteExportsOlderThan_ExportThatNeverFinished_PurgesItsParts()
    {
        await Store.EnsureAuditLogAsync(OrgId, "r-14", "{}", CancellationToken.None);
        await Store.WritePartAsync(OrgId, "r-14", "00001-Contacts.json", BinaryData.FromString("{}"), CancellationToken.None);
        await Store.WritePartAsync(OrgId, "r-14", "00002-Calls.json", BinaryData.FromString("{}"), CancellationToken.None);

        int purged = await Store.DeleteExportsOlderThanAsync(new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.True(purged >= 1);
        Assert.Null(await Store.ReadPartAsync(OrgId, "r-14", "00001-Contacts.json", CancellationToken.None));
        Assert.Null(await Store.ReadPartAsync(OrgId, "r-14", "00002-Calls.json", CancellationToken.None));
        Assert.NotNull(await Store.OpenAuditAsync(OrgId, "r-14", CancellationToken.None) is { } audit ? audit.DisposeAsync().AsTask().ContinueWith(_ => 1) : null);
    }

    protected static async Task<string> ReadAllAsync(Stream? stream)
    {
        Assert.NotNull(stream);
        await using (stream)
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync();
        }
    }
}
