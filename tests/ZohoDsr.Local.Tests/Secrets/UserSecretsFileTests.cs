using ZohoDsr.Local.Secrets;

namespace ZohoDsr.Local.Tests.Secrets;

public sealed class UserSecretsFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "zohodsr-us-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Set_ExistingNestedAndFlatEntries_KeepsThemAndAddsNewOnes()
    {
        Directory.CreateDirectory(_dir);
        string path = Path.Combine(_dir, "secrets.json");
        File.WriteAllText(path, """{ "Other:Key": "1", "Zoho": { "Orgs": { "a": { "ClientId": "old" } } } }""");
        var file = new UserSecretsFile(path);

        file.Set(new Dictionary<string, string> { ["Zoho:Orgs:a:ClientId"] = "new", ["Zoho:Orgs:a:RefreshToken"] = "rt" });

        IReadOnlyDictionary<string, string> values = file.Read();
        Assert.Equal("1", values["Other:Key"]);
        Assert.Equal("new", values["Zoho:Orgs:a:ClientId"]);
        Assert.Equal("rt", values["Zoho:Orgs:a:RefreshToken"]);
        Assert.Equal(3, values.Count);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Set_TempNameAlreadyTaken_SecretsGoOnlyIntoAFreshOwnerOnlyFile()
    {
        Directory.CreateDirectory(_dir);
        string path = Path.Combine(_dir, "secrets.json");
        string elsewhere = Path.Combine(_dir, "elsewhere.json");
        File.WriteAllText(elsewhere, "{}");
        File.SetUnixFileMode(elsewhere, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.CreateSymbolicLink(path + ".tmp", elsewhere); // what an earlier run (or anyone who could) left at the temporary name
        var file = new UserSecretsFile(path);

        file.Set(new Dictionary<string, string> { ["Zoho:Orgs:a:RefreshToken"] = "rt" });

        Assert.Equal("rt", file.Read()["Zoho:Orgs:a:RefreshToken"]);
        Assert.Equal("{}", File.ReadAllText(elsewhere));
        Assert.Null(new FileInfo(path).LinkTarget);
        Assert.False(File.Exists(path + ".tmp"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Read_NoFile_ReturnsEmpty()
    {
        Assert.Empty(new UserSecretsFile(Path.Combine(_dir, "missing.json")).Read());
        Directory.CreateDirectory(_dir);
    }
}
