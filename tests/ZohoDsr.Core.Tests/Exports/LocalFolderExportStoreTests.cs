using ZohoDsr.Core.Exports;

namespace ZohoDsr.Core.Tests.Exports;

public sealed class LocalFolderExportStoreTests : ExportStoreContractTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "zohodsr-tests", Guid.NewGuid().ToString("N"));

    public LocalFolderExportStoreTests()
    {
        Store = new LocalFolderExportStore(_root);
    }

    protected override IExportStore Store { get; }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task WriteExport_Location_IsAbsolutePathUnderRoot()
    {
        string location = await Store.WriteExportAsync(OrgId, "r-9", (s, ct) => s.WriteAsync("{}"u8.ToArray(), ct).AsTask(), CancellationToken.None);

        Assert.True(Path.IsPathRooted(location));
        Assert.StartsWith(Path.GetFullPath(_root), location, StringComparison.Ordinal);
        Assert.True(File.Exists(location));
    }

    [Fact]
    public async Task DeleteExportsOlderThan_OldFiles_PurgesOnlyOldRequest()
    {
        await Store.WritePartAsync(OrgId, "old", "p.json", BinaryData.FromString("{}"), CancellationToken.None);
        await Store.WritePartAsync(OrgId, "new", "p.json", BinaryData.FromString("{}"), CancellationToken.None);
        string oldFolder = Path.Combine(_root, OrgId, "old");
        foreach (string file in Directory.EnumerateFiles(oldFolder, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        int purged = await Store.DeleteExportsOlderThanAsync(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(1, purged);
        Assert.False(Directory.Exists(oldFolder));
        Assert.NotNull(await Store.ReadPartAsync(OrgId, "new", "p.json", CancellationToken.None));
    }
}
