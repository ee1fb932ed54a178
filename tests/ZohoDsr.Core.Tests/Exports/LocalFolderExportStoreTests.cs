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

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Writes_EveryFileAndFolder_OwnerOnlyFromTheMomentItExists()
    {
        Assert.False(OperatingSystem.IsWindows(), "Unix file modes are checked on Linux and macOS.");
        UnixFileMode? tempModeDuringWrite = null;
        UnixFileMode? folderModeDuringWrite = null;

        await Store.WritePartAsync(OrgId, "r-perm", "00001-Contacts.json", BinaryData.FromString("{}"), CancellationToken.None);
        await Store.EnsureAuditLogAsync(OrgId, "r-perm", "{}", CancellationToken.None);
        await Store.AppendAuditAsync(OrgId, "r-perm", ["{\"n\":1}"], CancellationToken.None);
        await Store.EnsureAuditLogAsync(OrgId, "r-perm2", "{}", CancellationToken.None);
        await Store.AppendAuditAsync(OrgId, "r-perm3", ["{\"n\":1}"], CancellationToken.None);
        string location = await Store.WriteExportAsync(
            OrgId,
            "r-perm",
            async (s, ct) =>
            {
                string temp = Assert.IsType<FileStream>(s).Name;
                tempModeDuringWrite = File.GetUnixFileMode(temp);
                folderModeDuringWrite = File.GetUnixFileMode(Path.GetDirectoryName(temp)!);
                await s.WriteAsync("{}"u8.ToArray(), ct);
            },
            CancellationToken.None);

        const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;
        Assert.Equal(OwnerOnlyFile, tempModeDuringWrite);
        Assert.Equal(OwnerOnlyFolder, folderModeDuringWrite);
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(location));
        Assert.All(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories), f => Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(f)));
        Assert.All(Directory.EnumerateDirectories(_root, "*", SearchOption.AllDirectories).Append(_root), d => Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(d)));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task WriteExport_RequestFolderLeftOpenByAnEarlierVersion_MadeOwnerOnly()
    {
        Assert.False(OperatingSystem.IsWindows(), "Unix file modes are checked on Linux and macOS.");
        string requestFolder = Path.Combine(_root, OrgId, "r-open");
        Directory.CreateDirectory(requestFolder);
        File.SetUnixFileMode(requestFolder, (UnixFileMode)0b111_101_101);

        await Store.WriteExportAsync(OrgId, "r-open", (s, ct) => s.WriteAsync("{}"u8.ToArray(), ct).AsTask(), CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(requestFolder));
    }

    [Fact]
    public async Task WriteExport_TempFileOfACrashedWrite_Removed()
    {
        await Store.WriteExportAsync(OrgId, "r-crash", (s, ct) => s.WriteAsync("{}"u8.ToArray(), ct).AsTask(), CancellationToken.None);
        string leftover = Path.Combine(_root, OrgId, "r-crash", "export.json." + Guid.NewGuid().ToString("N") + ".tmp");
        await File.WriteAllTextAsync(leftover, "{\"half\":");

        await Store.WriteExportAsync(OrgId, "r-crash", (s, ct) => s.WriteAsync("{\"v\":2}"u8.ToArray(), ct).AsTask(), CancellationToken.None);

        Assert.Equal(["export.json"], Directory.EnumerateFiles(Path.Combine(_root, OrgId, "r-crash")).Select(Path.GetFileName));
    }
}
