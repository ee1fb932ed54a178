using ZohoDsr.Core.Audit;
using ZohoDsr.Local.Secrets;

namespace ZohoDsr.Local.Tests.Secrets;

public sealed class LocalAuditSubjectKeyTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "zohodsr-ak-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void EnsureIn_FirstUse_GeneratesA32ByteKeySavedOwnerOnlyAndKeepsIt()
    {
        var file = new UserSecretsFile(Path.Combine(_dir, "secrets.json"));
        file.Set(new Dictionary<string, string> { ["Zoho:Orgs:a:ClientId"] = "c" });

        string key = LocalAuditSubjectKey.EnsureIn(file);
        string again = LocalAuditSubjectKey.EnsureIn(file);

        Assert.Equal(key, again);
        Assert.Equal(AuditSubjectKey.MinKeyBytes, Convert.FromBase64String(key).Length);
        Assert.Equal(key, file.Read()["ZohoDsr:Audit:SubjectKey"]);
        Assert.Equal("c", file.Read()["Zoho:Orgs:a:ClientId"]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.Path));
        }
    }

    [Fact]
    public void EnsureIn_TwoMachines_DifferentKeys()
    {
        string first = LocalAuditSubjectKey.EnsureIn(new UserSecretsFile(Path.Combine(_dir, "a", "secrets.json")));
        string second = LocalAuditSubjectKey.EnsureIn(new UserSecretsFile(Path.Combine(_dir, "b", "secrets.json")));

        Assert.NotEqual(first, second);
    }
}
