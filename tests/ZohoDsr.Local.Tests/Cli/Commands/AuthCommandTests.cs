using System.Text.Json;
using ZohoCrm.Simulator;
using ZohoDsr.Local.Cli;
using ZohoDsr.Local.Cli.Commands;
using ZohoDsr.Local.Secrets;

namespace ZohoDsr.Local.Tests.Cli.Commands;

public sealed class AuthCommandTests : IAsyncLifetime
{
    private const string Redirect = "http://127.0.0.1:7071/oauth/callback";
    private readonly string _secretsFile = Path.Combine(Path.GetTempPath(), "zohodsr-auth-" + Guid.NewGuid().ToString("N"), "secrets.json");
    private SimulatorHost _simulator = null!;
    private SimOrg _org = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorHost.StartAsync(new SimulatorOptions(), CancellationToken.None);
        _org = _simulator.AddOrg(new SimOrgSpec { OrgId = "acme-eu", DataCenter = "EU" });
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        if (Directory.Exists(Path.GetDirectoryName(_secretsFile)))
        {
            Directory.Delete(Path.GetDirectoryName(_secretsFile)!, recursive: true);
        }
    }

    [Fact]
    public async Task Auth_RedirectUrlWithCode_StoresRefreshTokenInUserSecretsWithoutPrintingIt()
    {
        string code = _org.IssueGrantCode(Redirect, [.. SimOrg.DsrScopes]);
        string redirectUrl = $"{Redirect}?state=x&code={Uri.EscapeDataString(code)}&location=eu&accounts-server={Uri.EscapeDataString(_simulator.AccountsUrl("EU").AbsoluteUri)}";

        CliRun run = await CliRun.InvokeAsync("auth", "--org", "acme-eu", "--data-center", "EU", "--client-id", _org.ClientId,
            "--client-secret", _org.ClientSecret, "--accounts-url", _simulator.AccountsUrl("EU").AbsoluteUri,
            "--code", redirectUrl, "--secrets-file", _secretsFile, "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
        IReadOnlyDictionary<string, string> secrets = new UserSecretsFile(_secretsFile).Read();
        string refreshToken = secrets["Zoho:Orgs:acme-eu:RefreshToken"];
        Assert.False(string.IsNullOrEmpty(refreshToken));
        Assert.Equal(_org.ClientId, secrets["Zoho:Orgs:acme-eu:ClientId"]);
        Assert.Equal("EU", secrets["Zoho:Orgs:acme-eu:DataCenter"]);
        Assert.DoesNotContain(refreshToken, run.Output + run.Error, StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(run.Output);
        Assert.Equal("user-secrets", json.RootElement.GetProperty("storedIn").GetString());
    }

    [Fact]
    public async Task Auth_UsedCode_FailsWithZohoCodeAndStoresNothing()
    {
        string code = _org.IssueGrantCode(Redirect, [.. SimOrg.DsrScopes]);
        string[] args = ["auth", "--org", "acme-eu", "--data-center", "EU", "--client-id", _org.ClientId, "--client-secret", _org.ClientSecret,
            "--accounts-url", _simulator.AccountsUrl("EU").AbsoluteUri, "--code", code, "--secrets-file", _secretsFile];
        Assert.Equal(ExitCodes.Ok, (await CliRun.InvokeAsync(args)).ExitCode);
        File.Delete(_secretsFile);

        CliRun again = await CliRun.InvokeAsync(args);

        Assert.Equal(ExitCodes.Failed, again.ExitCode);
        Assert.Contains("invalid_code", again.Error);
        Assert.False(File.Exists(_secretsFile));
    }

    [Fact]
    public async Task Auth_NoClientId_ExitCode2NamingTheOption()
    {
        CliRun run = await CliRun.InvokeAsync("auth", "--org", "acme-eu", "--code", "x", "--secrets-file", _secretsFile);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--client-id", run.Error);
    }

    [Fact]
    public async Task Auth_UnknownDataCenter_ExitCode2()
    {
        CliRun run = await CliRun.InvokeAsync("auth", "--org", "acme-eu", "--data-center", "MARS", "--client-id", "c", "--client-secret", "s");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--data-center", run.Error);
    }

    [Theory]
    [InlineData("1000.abc", "1000.abc", null)]
    [InlineData("http://127.0.0.1:7071/oauth/callback?code=1000.xyz&location=eu&accounts-server=https%3A%2F%2Faccounts.zoho.eu", "1000.xyz", "https://accounts.zoho.eu/")]
    public void ParseCode_CodeOrRedirectUrl_ReturnsCodeAndAccountsServer(string text, string code, string? server)
    {
        (string parsed, Uri? accounts) = AuthCommand.ParseCode(text);

        Assert.Equal(code, parsed);
        Assert.Equal(server, accounts?.AbsoluteUri);
    }

    [Fact]
    public void ParseCode_RedirectWithError_ThrowsNamingZohosError()
    {
        CliException ex = Assert.Throws<CliException>(() => AuthCommand.ParseCode("http://127.0.0.1:7071/oauth/callback?error=access_denied"));

        Assert.Contains("access_denied", ex.Message);
    }
}
